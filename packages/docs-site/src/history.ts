/** History badges ("since v3.x", "renamed in v3.x") and the per-version methods index, from generated/history.json. */
import { escapeHtml } from './escape.js';
import type { VersionIndex } from './model.js';

export interface HistoryItem { since?: string; renamedIn?: string; renamedFrom?: string; renamedTo?: string; removedIn?: string; changedIn: string[] }
export interface History { methods: Record<string, HistoryItem>; pushes: Record<string, HistoryItem>; structures: Record<string, HistoryItem> }

function items(value: unknown): Record<string, HistoryItem> {
  const out: Record<string, HistoryItem> = Object.create(null);
  if (!value || typeof value !== 'object') return out;
  for (const [name, raw] of Object.entries(value as Record<string, any>)) {
    if (!raw || typeof raw !== 'object') continue;
    const str = (k: string) => (typeof raw[k] === 'string' ? raw[k] : undefined);
    out[name] = {
      since: str('since'),
      renamedIn: str('renamedIn'),
      renamedFrom: str('renamedFrom'),
      renamedTo: str('renamedTo'),
      removedIn: str('removedIn'),
      changedIn: Array.isArray(raw.changedIn) ? raw.changedIn.map(String) : [],
    };
  }
  return out;
}

export function parseHistory(data: unknown): History {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('history.json: expected {methods, pushes, structures}');
  const d = data as any;
  return { methods: items(d.methods), pushes: items(d.pushes), structures: items(d.structures) };
}

/** Compares "v3.2" with "v3.10" numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export interface Badge { cls: string; label: string }

/** The badges of one name as the reader sees it in `version`. */
export function historyBadges(item: HistoryItem | undefined, version: string): Badge[] {
  if (!item) return [];
  const out: Badge[] = [];
  if (item.since) out.push({ cls: item.since === version ? 'hist new' : 'hist', label: `since ${item.since}` });
  if (item.renamedIn && compareVersions(item.renamedIn, version) <= 0) out.push({ cls: 'hist renamed', label: `renamed in ${item.renamedIn}${item.renamedFrom ? ` (was ${item.renamedFrom})` : ''}` });
  if (item.removedIn && compareVersions(item.removedIn, version) > 0) {
    out.push(item.renamedTo ? { cls: 'hist renamed', label: `renamed to ${item.renamedTo} in ${item.removedIn}` } : { cls: 'hist removed', label: `removed in ${item.removedIn}` });
  }
  if (item.changedIn.includes(version)) out.push({ cls: 'hist changed', label: `changed in ${version}` });
  return out;
}

export function renderBadges(badges: Badge[]): string {
  return badges.map((b) => `<span class="badge ${escapeHtml(b.cls)}">${escapeHtml(b.label)}</span>`).join(' ');
}

/** Methods and pushes of one version, each linked to its Web and RTM anchors, with history badges. */
export function renderMethodsIndex(idx: VersionIndex, history: History): string {
  const v = idx.id;
  const methods = new Set<string>();
  for (const name of Object.keys(idx.web)) methods.add(name);
  const pushes = new Set<string>();
  for (const [name, op] of Object.entries(idx.rtm)) (op.kind === 'push' ? pushes : methods).add(name);
  const line = (name: string, item: HistoryItem | undefined) => {
    const links: string[] = [];
    if (idx.web[name]) links.push(`<a href="${escapeHtml(`${v}/web.html${idx.web[name].anchor}`)}">Web</a>`);
    if (idx.rtm[name]) links.push(`<a href="${escapeHtml(`${v}/rtm.html${idx.rtm[name].anchor}`)}">RTM</a>`);
    const badges = renderBadges(historyBadges(item, v));
    return `<li><code>${escapeHtml(name)}</code> ${links.join(' ')}${badges ? ` ${badges}` : ''}</li>`;
  };
  const sorted = (s: Set<string>) => [...s].sort();
  return (
    `<details class="methods-index" id="${escapeHtml(`${v}-methods`)}"><summary>Methods and pushes in ${escapeHtml(v)} (${methods.size} methods, ${pushes.size} pushes)</summary>` +
    `<h4>Methods</h4><ul class="index">${sorted(methods).map((n) => line(n, history.methods[n])).join('')}</ul>` +
    `<h4>Pushes</h4><ul class="index">${sorted(pushes).map((n) => line(n, history.pushes[n])).join('')}</ul></details>`
  );
}
