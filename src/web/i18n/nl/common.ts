/** Dutch captions by English caption (see ./index.ts). */
export const commonCaptions: Readonly<Record<string, string>> = {
  Home: 'Start',
  Customers: 'Klanten',
  Items: 'Artikelen',
  'Sign out': 'Afmelden',
  'Work date': 'Werkdatum',
  Language: 'Taal',
};
