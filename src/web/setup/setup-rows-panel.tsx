/**
 * A setup record's own rows (setup-pages.ts's SetupRowsSpec) in the shared rows panel, with the cells
 * the spec cannot hold itself (it stays free of React): a choice's caption, Yes for a checked box.
 */
import { RecordRowsPanel, type RecordRowsSpec, type RowsColumn } from '../components/record-rows-panel.tsx';
import { caption } from '../i18n/captions.ts';
import type { SetupListColumn, SetupRowsSpec } from './setup-page-types.ts';

function rowsColumn(column: SetupListColumn): RowsColumn {
  const { options, ...shown } = column;
  return {
    ...shown,
    render: (row) => {
      const value = row[column.field];
      if (typeof value === 'boolean') return value ? caption('Yes') : '';
      const text = value === null || value === undefined ? '' : String(value);
      const option = options?.[text];
      // A blank option (BC's blank Recurring System) stays blank rather than going through the captions.
      return option === undefined ? text : option === '' ? '' : caption(option);
    },
  };
}

export function toRecordRowsSpec(spec: SetupRowsSpec): RecordRowsSpec {
  return { ...spec, columns: spec.columns.map(rowsColumn) };
}

export function SetupRowsPanel({ spec }: { spec: SetupRowsSpec }) {
  return <RecordRowsPanel spec={toRecordRowsSpec(spec)} />;
}
