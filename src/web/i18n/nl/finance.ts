/** Dutch captions by English caption (see ./index.ts). */
export const financeCaptions: Readonly<Record<string, string>> = {
};
