import { commonCaptions } from './common.ts';
import { assemblyCaptions } from './assembly.ts';
import { financeCaptions } from './finance.ts';
import { masterDataCaptions } from './master-data.ts';
import { promisingCaptions } from './promising.ts';
import { reservationCaptions } from './reservations.ts';
import { salesCaptions } from './sales.ts';

/**
 * Dutch captions by English caption, one file per area of the app. An English caption that two areas
 * both translate must get the same Dutch in both (a test checks).
 */
export const dutchCaptionAreas = { common: commonCaptions, sales: salesCaptions, masterData: masterDataCaptions, finance: financeCaptions, promising: promisingCaptions, reservations: reservationCaptions, assembly: assemblyCaptions } as const;

export const dutchCaptions: Readonly<Record<string, string>> = Object.assign({}, ...Object.values(dutchCaptionAreas));
