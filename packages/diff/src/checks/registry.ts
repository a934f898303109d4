import type { Rule } from '../types.js';
import { rule as methodAdded } from './method-added.js';
import { rule as methodRemoved } from './method-removed.js';
import { rule as methodRemovedAfterDeprecation } from './method-removed-after-deprecation.js';
import { rule as methodRenamed } from './method-renamed.js';
import { rule as methodPossiblyRenamed } from './method-possibly-renamed.js';
import { rule as methodMoved } from './method-moved.js';
import { rule as pushAdded } from './push-added.js';
import { rule as callbackAddedSameAddress } from './callback-added-same-address.js';
import { rule as pushRemoved } from './push-removed.js';
import { rule as pushRenamed } from './push-renamed.js';
import { rule as pushPossiblyRenamed } from './push-possibly-renamed.js';
import { rule as operationDeprecated } from './operation-deprecated.js';
import { rule as operationStabilityDecreased } from './operation-stability-decreased.js';
import { rule as operationIdChanged } from './operation-id-changed.js';
import { rule as operationSecurityAdded } from './operation-security-added.js';
import { rule as securitySchemeScopeRemoved } from './security-scheme-scope-removed.js';
import { rule as pushSecurityChanged } from './push-security-changed.js';
import { rule as pushSecurityUnverified } from './push-security-unverified.js';
import { rule as operationChannelChanged } from './operation-channel-changed.js';
import { rule as operationActionChanged } from './operation-action-changed.js';
import { rule as responsePayloadRemoved } from './response-payload-removed.js';
import { rule as paginationAdded } from './pagination-added.js';
import { rule as requestMediaTypeRemoved } from './request-media-type-removed.js';
import { rule as responseMediaTypeRemoved } from './response-media-type-removed.js';
import { rule as responseMediaTypeWidened } from './response-media-type-widened.js';
import { rule as mediaTypeAdded } from './media-type-added.js';
import { rule as pushMediaTypeAdded } from './push-media-type-added.js';
import { rule as responseSuccessStatusRemoved } from './response-success-status-removed.js';
import { rule as responseStatusRemoved } from './response-status-removed.js';
import { rule as responseStatusBodyRemoved } from './response-status-body-removed.js';
import { rule as callbackAddressChanged } from './callback-address-changed.js';
import { rule as answerStatusRemoved } from './answer-status-removed.js';
import { rule as requestPartHeaderRequired } from './request-part-header-required.js';
import { rule as responseErrorStatusReplaced } from './response-error-status-replaced.js';
import { rule as responseErrorStatusAdded } from './response-error-status-added.js';
import { rule as responseLinkRemoved } from './response-link-removed.js';
import { rule as responseLinkChanged } from './response-link-changed.js';
import { rule as responseLinkAdded } from './response-link-added.js';
import { rule as responseSuccessStatusAdded } from './response-success-status-added.js';
import { rule as responseSuccessStatusAddedSameBody } from './response-success-status-added-same-body.js';
import { rule as requestMessageRemoved } from './request-message-removed.js';
import { rule as requestMessageAdded } from './request-message-added.js';
import { rule as responseMessageRemoved } from './response-message-removed.js';
import { rule as responseMessageMoved } from './response-message-moved.js';
import { rule as responseMessageAdded } from './response-message-added.js';
import { rule as messageContentTypeChanged } from './message-content-type-changed.js';
import { rule as messageCorrelationIdMoved } from './message-correlation-id-moved.js';
import { rule as bindingChanged } from './binding-changed.js';
import { rule as bindingDestinationChanged } from './binding-destination-changed.js';
import { rule as replyAddressChanged } from './reply-address-changed.js';
import { rule as parameterLocationChanged } from './parameter-location-changed.js';
import { rule as bindingHarmlessChanged } from './binding-harmless-changed.js';
import { rule as messagePayloadNotCompared } from './message-payload-not-compared.js';
import { rule as messageAvroIncompatible } from './message-avro-incompatible.js';
import { rule as messageAvroCompatible } from './message-avro-compatible.js';
import { rule as channelServersRestricted } from './channel-servers-restricted.js';
import { rule as channelServersWidened } from './channel-servers-widened.js';
import { rule as structureAdded } from './structure-added.js';
import { rule as structureRemoved } from './structure-removed.js';
import { rule as structureRenamed } from './structure-renamed.js';
import { rule as structurePossiblyRenamed } from './structure-possibly-renamed.js';
import { rule as requestFieldAddedRequired } from './request-field-added-required.js';
import { rule as requestFieldAdded } from './request-field-added.js';
import { rule as responseFieldAdded } from './response-field-added.js';
import { rule as requestFieldRemoved } from './request-field-removed.js';
import { rule as requestFieldRefused } from './request-field-refused.js';
import { rule as deprecatedFieldRemoved } from './deprecated-field-removed.js';
import { rule as responseRequiredFieldRemoved } from './response-required-field-removed.js';
import { rule as responseOptionalFieldRemoved } from './response-optional-field-removed.js';
import { rule as fieldRenamed } from './field-renamed.js';
import { rule as fieldPossiblyRenamed } from './field-possibly-renamed.js';
import { rule as fieldMoved } from './field-moved.js';
import { rule as fieldsUnwrapped } from './fields-unwrapped.js';
import { rule as requestFieldTypeChanged } from './request-field-type-changed.js';
import { rule as requestFieldTypeWidened } from './request-field-type-widened.js';
import { rule as responseFieldTypeChanged } from './response-field-type-changed.js';
import { rule as responseFieldTypeNarrowed } from './response-field-type-narrowed.js';
import { rule as fieldFormatChanged } from './field-format-changed.js';
import { rule as requestFieldBecameRequired } from './request-field-became-required.js';
import { rule as requestFieldBecameOptional } from './request-field-became-optional.js';
import { rule as responseFieldBecameOptional } from './response-field-became-optional.js';
import { rule as responseFieldBecameRequired } from './response-field-became-required.js';
import { rule as requestEnumValueRemoved } from './request-enum-value-removed.js';
import { rule as requestEnumValueAdded } from './request-enum-value-added.js';
import { rule as responseEnumValueAdded } from './response-enum-value-added.js';
import { rule as responseEnumValueRemoved } from './response-enum-value-removed.js';
import { rule as requestFieldBecameEnum } from './request-field-became-enum.js';
import { rule as responseFieldBecameEnum } from './response-field-became-enum.js';
import { rule as fieldEnumDropped } from './field-enum-dropped.js';
import { rule as responseFieldEnumDropped } from './response-field-enum-dropped.js';
import { rule as requestDefaultChanged } from './request-default-changed.js';
import { rule as responseDefaultChanged } from './response-default-changed.js';
import { rule as fieldDefaultChanged } from './field-default-changed.js';
import { rule as requestLimitTightened } from './request-limit-tightened.js';
import { rule as requestLimitAdded } from './request-limit-added.js';
import { rule as requestLimitRelaxed } from './request-limit-relaxed.js';
import { rule as responseLimitRelaxed } from './response-limit-relaxed.js';
import { rule as responseLimitTightened } from './response-limit-tightened.js';
import { rule as requestPatternAdded } from './request-pattern-added.js';
import { rule as requestPatternChanged } from './request-pattern-changed.js';
import { rule as requestPatternWidened } from './request-pattern-widened.js';
import { rule as requestPatternRemoved } from './request-pattern-removed.js';
import { rule as responsePatternChanged } from './response-pattern-changed.js';
import { rule as responsePatternNarrowed } from './response-pattern-narrowed.js';
import { rule as responsePatternRemoved } from './response-pattern-removed.js';
import { rule as responsePatternAdded } from './response-pattern-added.js';
import { rule as requestFieldBecameNotNullable } from './request-field-became-not-nullable.js';
import { rule as responseFieldBecameNullable } from './response-field-became-nullable.js';
import { rule as fieldNullableRelaxed } from './field-nullable-relaxed.js';
import { rule as requestVariantRemoved } from './request-variant-removed.js';
import { rule as responseVariantAdded } from './response-variant-added.js';
import { rule as fieldVariantChanged } from './field-variant-changed.js';
import { rule as fieldWrappedInOneOf } from './field-wrapped-in-one-of.js';
import { rule as parametersReordered } from './parameters-reordered.js';
import { rule as requestOneOfOverlapAdded } from './request-one-of-overlap-added.js';
import { rule as requestVariantNarrowed } from './request-variant-narrowed.js';
import { rule as responseVariantWidened } from './response-variant-widened.js';
import { rule as fieldVariantAdjusted } from './field-variant-adjusted.js';
import { rule as requestFieldWidenedToUnion } from './request-field-widened-to-union.js';
import { rule as responseFieldNarrowedToUnion } from './response-field-narrowed-to-union.js';
import { rule as fieldDeprecated } from './field-deprecated.js';
import { rule as serverRemoved } from './server-removed.js';
import { rule as serverAdded } from './server-added.js';
import { rule as serverChanged } from './server-changed.js';
import { rule as serverVersionChanged } from './server-version-changed.js';
import { rule as channelRemoved } from './channel-removed.js';
import { rule as channelAdded } from './channel-added.js';
import { rule as channelAddressChanged } from './channel-address-changed.js';
import { rule as serverSecurityTightened } from './server-security-tightened.js';
import { rule as messageActionChanged } from './message-action-changed.js';
import { rule as operationSecurityTightened } from './operation-security-tightened.js';
import { rule as responseFieldBecameWriteOnly } from './response-field-became-write-only.js';
import { rule as requestFieldBecameReadOnly } from './request-field-became-read-only.js';
import { rule as parameterStyleChanged } from './parameter-style-changed.js';
import { rule as xmlLayoutChanged } from './xml-layout-changed.js';
import { rule as requestPartContentTypeNarrowed } from './request-part-content-type-narrowed.js';
import { rule as operationServerChanged } from './operation-server-changed.js';
import { rule as discriminatorMappingRemoved } from './discriminator-mapping-removed.js';
import { rule as discriminatorMappingAdded } from './discriminator-mapping-added.js';
import { rule as responseDiscriminatorMappingAdded } from './response-discriminator-mapping-added.js';
import { rule as requestSchemaClosed } from './request-schema-closed.js';
import { rule as schemaOpened } from './schema-opened.js';
import { rule as fieldsWrapped } from './fields-wrapped.js';
import { rule as responseEnumReplaced } from './response-enum-replaced.js';
import { rule as fieldConstraintChanged } from './field-constraint-changed.js';
import { rule as fieldConstraintRelaxed } from './field-constraint-relaxed.js';
import { rule as requestAnyOfBecameOneOf } from './request-any-of-became-one-of.js';
import { rule as responseOneOfBecameAnyOf } from './response-one-of-became-any-of.js';

/** Every rule, once. Order matters only for display (docs, reports). */
export const rules: readonly Rule[] = [
  methodAdded,
  methodRemoved,
  methodRemovedAfterDeprecation,
  methodRenamed,
  methodPossiblyRenamed,
  methodMoved,
  pushAdded,
  callbackAddedSameAddress,
  pushRemoved,
  pushRenamed,
  pushPossiblyRenamed,
  operationDeprecated,
  operationStabilityDecreased,
  operationIdChanged,
  operationSecurityAdded,
  securitySchemeScopeRemoved,
  operationSecurityTightened,
  operationActionChanged,
  messageActionChanged,
  responsePayloadRemoved,
  paginationAdded,
  requestMediaTypeRemoved,
  responseMediaTypeRemoved,
  responseMediaTypeWidened,
  mediaTypeAdded,
  pushMediaTypeAdded,
  responseSuccessStatusRemoved,
  responseStatusRemoved,
  responseStatusBodyRemoved,
  callbackAddressChanged,
  answerStatusRemoved,
  requestPartHeaderRequired,
  responseErrorStatusReplaced,
  responseErrorStatusAdded,
  responseLinkRemoved,
  responseLinkChanged,
  responseLinkAdded,
  responseSuccessStatusAdded,
  responseSuccessStatusAddedSameBody,
  requestMessageRemoved,
  requestMessageAdded,
  responseMessageRemoved,
  responseMessageMoved,
  responseMessageAdded,
  messageContentTypeChanged,
  messageCorrelationIdMoved,
  bindingChanged,
  bindingDestinationChanged,
  replyAddressChanged,
  parameterLocationChanged,
  bindingHarmlessChanged,
  messagePayloadNotCompared,
  messageAvroIncompatible,
  messageAvroCompatible,
  structureAdded,
  structureRemoved,
  structureRenamed,
  structurePossiblyRenamed,
  requestFieldAddedRequired,
  requestFieldAdded,
  responseFieldAdded,
  requestFieldRemoved,
  requestFieldRefused,
  deprecatedFieldRemoved,
  responseRequiredFieldRemoved,
  responseOptionalFieldRemoved,
  fieldRenamed,
  fieldPossiblyRenamed,
  fieldMoved,
  fieldsUnwrapped,
  fieldsWrapped,
  requestFieldTypeChanged,
  requestFieldTypeWidened,
  responseFieldTypeChanged,
  responseFieldTypeNarrowed,
  fieldFormatChanged,
  requestFieldBecameRequired,
  requestFieldBecameOptional,
  responseFieldBecameOptional,
  responseFieldBecameRequired,
  requestFieldBecameReadOnly,
  responseFieldBecameWriteOnly,
  requestEnumValueRemoved,
  requestEnumValueAdded,
  responseEnumValueAdded,
  responseEnumValueRemoved,
  responseEnumReplaced,
  requestFieldBecameEnum,
  responseFieldBecameEnum,
  fieldEnumDropped,
  responseFieldEnumDropped,
  requestDefaultChanged,
  responseDefaultChanged,
  fieldDefaultChanged,
  requestLimitTightened,
  requestLimitAdded,
  requestLimitRelaxed,
  responseLimitRelaxed,
  responseLimitTightened,
  requestPatternAdded,
  requestPatternChanged,
  requestPatternWidened,
  requestPatternRemoved,
  responsePatternChanged,
  responsePatternNarrowed,
  responsePatternRemoved,
  responsePatternAdded,
  fieldConstraintChanged,
  fieldConstraintRelaxed,
  requestFieldBecameNotNullable,
  responseFieldBecameNullable,
  fieldNullableRelaxed,
  requestVariantRemoved,
  responseVariantAdded,
  fieldVariantChanged,
  requestAnyOfBecameOneOf,
  responseOneOfBecameAnyOf,
  fieldWrappedInOneOf,
  parametersReordered,
  requestOneOfOverlapAdded,
  requestVariantNarrowed,
  responseVariantWidened,
  fieldVariantAdjusted,
  requestFieldWidenedToUnion,
  responseFieldNarrowedToUnion,
  requestSchemaClosed,
  schemaOpened,
  parameterStyleChanged,
  xmlLayoutChanged,
  requestPartContentTypeNarrowed,
  operationServerChanged,
  discriminatorMappingRemoved,
  discriminatorMappingAdded,
  responseDiscriminatorMappingAdded,
  fieldDeprecated,
  serverRemoved,
  serverAdded,
  serverChanged,
  serverSecurityTightened,
  serverVersionChanged,
  pushSecurityChanged,
  pushSecurityUnverified,
  operationChannelChanged,
  channelRemoved,
  channelAdded,
  channelAddressChanged,
  channelServersRestricted,
  channelServersWidened,
];

export type RuleId = (typeof rules)[number]['id'];

export const registry: Readonly<Record<string, Rule>> = Object.fromEntries(rules.map((r) => [r.id, r]));
