import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { flag, recordColumns } from './columns.ts';
import { genBusinessPostingGroup, genProductPostingGroup, vatBusinessPostingGroup, vatProductPostingGroup } from './posting-groups.ts';

export const glAccount = pgTable('gl_account', {
  no: text().primaryKey(),
  name: text().notNull(),
  accountType: text().notNull().default('posting'),
  incomeBalance: text().notNull(),
  accountCategory: text().notNull().default(''),
  debitCredit: text().notNull().default('both'),
  directPosting: boolean().notNull().default(true),
  blocked: flag(),
  genPostingType: text().notNull().default(''),
  genBusPostingGroup: text().references(() => genBusinessPostingGroup.code),
  genProdPostingGroup: text().references(() => genProductPostingGroup.code),
  vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  vatProdPostingGroup: text().references(() => vatProductPostingGroup.code),
  ...recordColumns(),
});
