import { statSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalise } from './normalise.js';
import { readSpec, readVersionFolder, detectKind } from './read.js';
import type { Diagnostic, Model, Protocol } from './types.js';

export * from './types.js';
export { isXmlMedia, xmlPayloads, normalise, sideOf, urlKey, wayServes, type DocumentSide, BINDING_DESTINATIONS, BINDING_SCHEMAS, OPERATION_BINDING_SCHEMAS } from './normalise.js';
export { mediaKey, mediaRelation } from './media.js';
export type { NormaliseOptions } from './normalise.js';
export { acceptsOldText, admits, constraintRelation, fieldRelation, finiteValues, formatAdmits, formatRelation, INTEGER_FORMAT_RANGES, joinRelations, textValues, valueAdmitted, type Relation } from './admits.js';
export { patternLengths, patternRelation } from './patterns.js';
export { avroReadable, type AvroProblem } from './avro.js';
export { flatten, isOutline, isScalarType, mappingTarget, outlineAt, outlineTagsOf, parentPath, pathKey, widenField, rangeEnd, rangeEndNarrows, renamedFromPath, renamedFromPaths, Resolver, schemaRefName, type RangeEnd } from './flatten.js';
export { readSpec, readVersionFolder, detectKind } from './read.js';
export { escapeToken, unescapeToken, pointerTokens, pointerOf, appendPointer, getPointer, lastToken, pointerThrough } from './pointer.js';
export { isPayloadName, pascal, webMethodName, pushName, isErrorFrame, isPayloadEnvelope, framePayload, COMMON_QUERY } from './project/rules.js';
export { readApiVersion, apiVersionOf, toComponentRefs, put } from './project/view.js';
export type { ApiVersion, ApiVersionOptions, ApiMethod, ApiPush, ApiSide, ApiStructure, ApiExample, WebSide, RtmSide, Json, Schema } from './project/view.js';

export interface LoadedModels {
  /** One model per document: a file gives one, a version folder gives Web and/or RTM. */
  models: Model[];
  folder: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Reads a file (OpenAPI 3.0/3.1, AsyncAPI 2.x/3.x; YAML or JSON, external `$ref`s allowed) or a
 * version folder holding one OpenAPI and/or one AsyncAPI document, and normalises each document.
 * Never throws for bad input: problems come back as diagnostics.
 */
export function loadModels(path: string, options: { reuse?: Model[]; counterpart?: Model[]; writtenBy?: 'client' | 'server' } = {}): LoadedModels {
  // a model of the same protocol from another version: what it derived from equal places is reused
  const reuse = (protocol: Protocol) => options.reuse?.find((m) => m.protocol === protocol);
  // ... and, whether or not reused, evidence for facts a document leaves open (see NormaliseOptions)
  const counterpart = (protocol: Protocol) => options.counterpart?.find((m) => m.protocol === protocol);
  const abs = resolve(path);
  if (!existsSync(abs)) {
    return { models: [], folder: false, diagnostics: [{ severity: 'error', message: `no such file or folder: ${path}`, file: abs, hint: 'Give an OpenAPI/AsyncAPI file or a version folder such as specs/v3.2.' }] };
  }
  try {
    if (statSync(abs).isDirectory()) {
      const r = readVersionFolder(abs);
      const models: Model[] = [];
      if (!r.diagnostics.some((d) => d.severity === 'error')) {
        if (r.web?.document && r.web.kind) models.push(normalise(r.web.document, r.web.kind, { file: r.web.file, protocol: 'web', reuse: reuse('web'), counterpart: counterpart('web'), writtenBy: options.writtenBy, refHolders: r.web.refHolders }));
        if (r.rtm?.document && r.rtm.kind) models.push(normalise(r.rtm.document, r.rtm.kind, { file: r.rtm.file, protocol: 'rtm', reuse: reuse('rtm'), counterpart: counterpart('rtm'), writtenBy: options.writtenBy, refHolders: r.rtm.refHolders }));
      }
      return { models, folder: true, diagnostics: r.diagnostics };
    }
    const r = readSpec(abs);
    if (!r.document || !r.kind) return { models: [], folder: false, diagnostics: r.diagnostics };
    const kind = r.kind;
    return { models: [normalise(r.document, kind, { file: abs, reuse: options.reuse?.find((m) => m.kind === kind), counterpart: options.counterpart?.find((m) => m.kind === kind), writtenBy: options.writtenBy, refHolders: r.refHolders })], folder: false, diagnostics: r.diagnostics };
  } catch (e) {
    return { models: [], folder: false, diagnostics: [{ severity: 'error', message: `could not read ${path}: ${(e as Error).message}`, file: abs, hint: 'Check that the file is a well-formed OpenAPI or AsyncAPI document.' }] };
  }
}

/** Normalises an already-parsed document (detecting its kind); undefined when it is neither. */
export function modelOf(doc: unknown, file = '', options: { reuse?: Model; counterpart?: Model } = {}): Model | undefined {
  const { kind } = detectKind(doc);
  return kind ? normalise(doc as Record<string, any>, kind, { file, reuse: options.reuse, counterpart: options.counterpart }) : undefined;
}
