/** Reference headings → components/schemas names (docs/modelling.md). */
const STRUCTURE_NAMES: Record<string, string> = {
  Chats: 'Chat',
  'Chat summaries': 'ChatSummary',
  'Chat summary': 'ChatSummary',
  Forms: 'FormTemplate',
  Threads: 'Thread',
  'Form fields': 'FormFields',
  'Filled form fields': 'FilledFormFields',
  'Sample properties': 'Properties',
};

/** `Chat summaries` → `ChatSummary`, `Filled form` → `FilledForm`, `Forms` → `FormTemplate`. */
export function structureName(title: string): string {
  if (STRUCTURE_NAMES[title]) return STRUCTURE_NAMES[title];
  return title
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
