import { assemblyBomComponentSchemas } from '../../core/master-data/item.schemas.ts';
import { encodeKey } from '../api/client.ts';
import { RecordRowsPanel, type RecordRowsSpec } from '../components/record-rows-panel.tsx';
import { lineNoLookups } from '../components/lookup-sources.ts';
import type { LookupSource } from '../components/lookup-source.ts';
import { formatQuantity } from '../format/numbers.ts';

/** The item's Assembly BOM (spec §15.3, BC Assembly BOM): the components one unit is assembled from. */
export function ItemAssemblyBomPanel({ itemNo }: { itemNo: string }) {
  const component = { name: 'no', label: 'No.', kind: 'record', source: lineNoLookups.item as LookupSource<never> } as const;
  const quantityPer = { name: 'quantityPer', label: 'Quantity per', kind: 'decimal' } as const;
  const unit = { name: 'unitOfMeasureCode', label: 'Unit of Measure Code', kind: 'code', lookup: '/unitsOfMeasure' } as const;
  const spec: RecordRowsSpec = {
    title: 'Assembly BOM', noun: 'component', resource: `/items/${encodeKey(itemNo)}/assemblyBom`,
    keyOf: (row) => String(row.lineNo), describe: (row) => `${String(row.no)} ${String(row.description)}`,
    columns: [
      { header: 'No.', field: 'no', render: (row) => String(row.no) },
      { header: 'Description', field: 'description', render: (row) => String(row.description) },
      { header: 'Quantity per', field: 'quantityPer', align: 'right', render: (row, locale) => formatQuantity(String(row.quantityPer), locale) },
      { header: 'Unit of Measure Code', field: 'unitOfMeasureCode', render: (row) => String(row.unitOfMeasureCode ?? '') },
    ],
    newFields: [{ title: 'Component', fields: [component, quantityPer, unit] }],
    fields: [{ title: 'Component', fields: [quantityPer, unit] }],
    schemas: assemblyBomComponentSchemas,
    hint: 'The items one unit of this item is assembled from, each with its quantity per unit.',
  };
  return <RecordRowsPanel spec={spec} />;
}
