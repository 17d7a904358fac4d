import type { Executor } from '../db/connection.ts';
import { glRegister } from '../db/schema/index.ts';

/** The facts every entry of one posting transaction shares (spec §23.1). */
export interface Register {
  transactionNo: number;
  postingDate: string;
  /** SALES, ITEMJNL … : where the transaction came from. */
  sourceCode: string;
  userId: string;
}

/** Opens the transaction's register; its number is the Transaction No. of every entry written. */
export async function openRegister(
  tx: Executor, facts: { postingDate: string; sourceCode: string; userId: string; documentNo: string },
): Promise<Register> {
  const [row] = await tx.insert(glRegister).values(facts).returning({ no: glRegister.no });
  return { transactionNo: row!.no, postingDate: facts.postingDate, sourceCode: facts.sourceCode, userId: facts.userId };
}
