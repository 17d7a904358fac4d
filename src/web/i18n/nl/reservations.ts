/** Dutch captions by English caption (see ./index.ts): reservations of sales order lines (spec §16). */
export const reservationCaptions: Readonly<Record<string, string>> = {
  'Reservation…': 'Reservering…',
  'Reservation': 'Reservering',
  'Close Reservation': 'Reservering sluiten',
  'Reserve': 'Reserveren',
  'Cancel Reservation': 'Reservering annuleren',
  'Reserved Quantity': 'Gereserveerd aantal',
  'Quantity (Base)': 'Aantal (basis)',
  'Quantity to Reserve': 'Te reserveren aantal',
  'All not yet reserved': 'Alles wat nog niet gereserveerd is',
  'Reservation entries': 'Reserveringsposten',
  'Supply': 'Aanvoer',
  'Nothing is reserved for this line.': 'Voor deze regel is niets gereserveerd.',
  'Not reserved': 'Niet gereserveerd',
  'Reservation not cancelled': 'Reservering niet geannuleerd',
  'The order has no item lines to reserve.': 'De order heeft geen artikelregels om te reserveren.',
  '{{no}} line {{lineNo}}': '{{no}} regel {{lineNo}}',
};
