import type { ReactElement, ReactNode } from "react";

const WRAPPER = "overflow-x-auto rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900";

type Props = {
  /** Column headers in order; false/null entries are dropped so a column can be conditional. */
  headers: ReadonlyArray<string | ReactElement | false | null>;
  /** Extra wrapper classes (spacing), placed before the shared ones. */
  className?: string;
  /** The body rows (<tr> elements). */
  children: ReactNode;
};

/** The console's bordered, horizontally scrolling table shell. */
export function DataTable({ headers, className, children }: Props) {
  return (
    <div className={className ? `${className} ${WRAPPER}` : WRAPPER}>
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            {headers.filter((h) => h !== false && h !== null).map((h, i) => (
              // Headers are static per render, so position is a stable key even for element labels.
              <th key={i} scope="col" className="px-3 py-2">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}
