/** Dutch captions by English caption (see ./index.ts). */
export const masterDataCaptions: Readonly<Record<string, string>> = {
};
