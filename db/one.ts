/** The row a write … RETURNING gave back where one must exist (an insert, an update by key). */
export async function one<T>(rows: PromiseLike<T[]>): Promise<T> {
  const [row] = await rows;
  if (row === undefined) throw new Error("The database returned no row where one was written");
  return row;
}
