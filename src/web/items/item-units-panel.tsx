import { itemUnitOfMeasureSchemas } from '../../core/master-data/item.schemas.ts';
import { encodeKey } from '../api/client.ts';
import { RecordRowsPanel, type RecordRowsSpec } from '../components/record-rows-panel.tsx';
import { formatQuantity } from '../format/numbers.ts';

/** The item's Units of Measure (BC Item Units of Measure): each with its quantity in the base unit. */
export function ItemUnitsPanel({ itemNo, baseUnitOfMeasure }: { itemNo: string; baseUnitOfMeasure: string }) {
  const spec: RecordRowsSpec = {
    title: 'Units of Measure', noun: 'unit of measure', resource: `/items/${encodeKey(itemNo)}/unitsOfMeasure`,
    keyOf: (row) => String(row.code), describe: (row) => String(row.code),
    columns: [
      { header: 'Code', field: 'code', render: (row) => (row.code === baseUnitOfMeasure ? `${String(row.code)} (base)` : String(row.code)) },
      { header: 'Qty. per Unit of Measure', field: 'quantityPerUnitOfMeasure', align: 'right', render: (row, locale) => formatQuantity(String(row.quantityPerUnitOfMeasure), locale) },
    ],
    newFields: [{
      title: 'Unit of Measure',
      fields: [
        { name: 'code', label: 'Code', kind: 'code', lookup: '/unitsOfMeasure' },
        { name: 'quantityPerUnitOfMeasure', label: 'Qty. per Unit of Measure', kind: 'decimal' },
      ],
    }],
    fields: [{ title: 'Unit of Measure', fields: [{ name: 'quantityPerUnitOfMeasure', label: 'Qty. per Unit of Measure', kind: 'decimal' }] }],
    schemas: itemUnitOfMeasureSchemas,
    hint: 'The units the item is sold and bought in; the base unit has quantity 1.',
  };
  return <RecordRowsPanel spec={spec} />;
}
