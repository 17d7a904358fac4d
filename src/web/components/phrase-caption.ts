import type { useCaptions } from '../i18n/captions.ts';

type Captions = ReturnType<typeof useCaptions>;

/**
 * A caption Dutch words per record where a template cannot ("New customer" is "Nieuwe klant", "New item"
 * "Nieuw artikel"): the whole phrase when the dictionary has it, else the template with its values.
 * In English both give the same text.
 */
export function phraseCaption(t: Captions, phrase: string, template: string, values: Record<string, string>): string {
  const whole = t(phrase);
  return whole !== phrase ? whole : t(template, values);
}

/** A noun at the start of a sentence: Dutch captions put the noun first where English puts it last ("Delete {{row}}" is "{{Row}} verwijderen"). */
export function capitalized(noun: string): string {
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`;
}
