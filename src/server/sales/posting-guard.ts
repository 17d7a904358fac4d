/**
 * One posting per document at a time. In one process (always the case with the embedded database,
 * where transactions queue on one connection) a second post of a document already being posted is
 * refused at once instead of queueing behind the first and posting again; across processes the
 * posting's SELECT … FOR UPDATE NOWAIT does the same (sales-post.ts).
 */
import { DomainError } from '../../core/errors.ts';

const postingNow = new Set<string>();

export async function whilePosting<T>(entity: string, documentType: string, no: string, work: () => Promise<T>): Promise<T> {
  const key = `${documentType}:${no}`;
  if (postingNow.has(key)) throw new DomainError('DOCUMENT_BEING_POSTED', { entity, no });
  postingNow.add(key);
  try {
    return await work();
  } finally {
    postingNow.delete(key);
  }
}
