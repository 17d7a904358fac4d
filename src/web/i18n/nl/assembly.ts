/** Dutch captions by English caption (see ./index.ts): assembly (spec §15.3). */
export const assemblyCaptions: Readonly<Record<string, string>> = {
  'Assembly BOM': 'Assemblystuklijst',
  'component': 'component',
  'Component': 'Component',
  'Quantity per': 'Aantal per',
  'The items one unit of this item is assembled from, each with its quantity per unit.': 'De artikelen waaruit één eenheid van dit artikel wordt geassembleerd, elk met het aantal per eenheid.',
};
