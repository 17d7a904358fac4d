import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useSession } from '../session/session-store.ts';
import { ListFilterControl, type ListFilter } from './list-filters.tsx';
import { nextSortOrder, sortRows, type SortOrder } from './sorting.ts';

export interface ListColumn<T> {
  key: string;
  label: string;
  render: (row: T, locale: SupportedLocale) => ReactNode;
  /** The value sorted on: plain text, a decimal string or a YYYY-MM-DD date. */
  sortValue: (row: T) => string;
  numeric?: boolean;
}

interface ListPageProps<T> {
  title: string;
  /** API collection path, e.g. /customers. */
  resource: string;
  columns: ReadonlyArray<ListColumn<T>>;
  rowKey: (row: T) => string;
  /** Where a row's first column leads; rows of a ledger lead nowhere. */
  rowLink?: (row: T) => string;
  filters?: readonly ListFilter[];
  newLink?: string;
  /** The list's own actions (Delete Invoiced Blanket Orders …), beside New. */
  actions?: ReactNode;
  /** Whether the API searches this resource (it refuses `?search=` where it does not). */
  searchable?: boolean;
}

const pageSize = 50;

/** The list's query: search (debounced) and filters kept in the address, and the cursor of the page shown. */
function useListQuery<T>(resource: string, filters: readonly ListFilter[], searchable: boolean) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [searchText, setSearchText] = useState(searchParams.get('search') ?? '');
  const [debouncedSearch] = useDebouncedValue(searchText, 300);
  const [cursors, setCursors] = useState<string[]>([]);
  const filterValues = Object.fromEntries(filters.map((filter) => [filter.field, searchParams.get(filter.field) ?? '']));
  const queryKey = JSON.stringify({ search: debouncedSearch, ...filterValues });
  const cursor = cursors.at(-1);

  useEffect(() => setCursors([]), [queryKey]);
  useEffect(() => {
    setSearchParams((params) => {
      if (debouncedSearch) params.set('search', debouncedSearch);
      else params.delete('search');
      return params;
    }, { replace: true });
  }, [debouncedSearch, setSearchParams]);

  const page = useQuery({
    queryKey: ['list', resource, queryKey, cursor],
    queryFn: () => api.get<Page<T>>(withQuery(resource, { ...filterValues, search: searchable ? debouncedSearch : undefined, limit: pageSize, cursor })),
    placeholderData: keepPreviousData,
  });

  const setFilter = (field: string, value: string) => setSearchParams((params) => {
    if (value) params.set(field, value);
    else params.delete(field);
    return params;
  });

  return { searchText, setSearchText, filterValues, setFilter, cursors, setCursors, page };
}

interface ListTableProps<T> {
  title: string;
  columns: ReadonlyArray<ListColumn<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowLink: ((row: T) => string) | undefined;
  sortOrder: SortOrder | null;
  onSort: (column: string) => void;
  busy: boolean;
  locale: SupportedLocale;
}

function ListTable<T>({ title, columns, rows, rowKey, rowLink, sortOrder, onSort, busy, locale }: ListTableProps<T>) {
  return (
    <Table striped highlightOnHover withTableBorder stickyHeader aria-label={title} aria-busy={busy}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined}
              aria-sort={sortOrder?.column === column.key ? sortOrder.direction : undefined}>
              <UnstyledButton fw={600} fz="sm" onClick={() => onSort(column.key)}>
                {column.label}{sortOrder?.column === column.key ? (sortOrder.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
              </UnstyledButton>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((column, index) => (
              <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>
                {index === 0 && rowLink ? <Anchor component={Link} to={rowLink(row)} fz="sm">{column.render(row, locale)}</Anchor> : column.render(row, locale)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A Business Central style list: search box and filters (sent to the API, kept in the address),
 * sorting by a column header (within the page shown), and paging by the API's cursor.
 */
export function ListPage<T>({ title, resource, columns, rowKey, rowLink, filters = [], newLink, actions, searchable = true }: ListPageProps<T>) {
  const { locale } = useSession();
  const { searchText, setSearchText, filterValues, setFilter, cursors, setCursors, page } = useListQuery<T>(resource, filters, searchable);
  const [sortOrder, setSortOrder] = useState<SortOrder | null>(null);
  const valueOf = (row: T, column: string) => columns.find((candidate) => candidate.key === column)!.sortValue(row);
  const rows = sortRows(page.data?.items ?? [], sortOrder, valueOf, locale);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{title}</Title>
        <Group gap="xs">
          {actions}
          {newLink && <Button component={Link} to={newLink}>New</Button>}
        </Group>
      </Group>
      <Group align="end">
        {searchable && (
          <TextInput label="Search" type="search" placeholder="Search" value={searchText} onChange={(event) => setSearchText(event.currentTarget.value)} w={260} />
        )}
        {filters.map((filter) => (
          <ListFilterControl key={filter.field} filter={filter} value={filterValues[filter.field] ?? ''} onChange={(value) => setFilter(filter.field, value)} />
        ))}
      </Group>
      {page.error && <Alert color="red" role="alert">{messageOf(page.error)}</Alert>}
      <ListTable title={title} columns={columns} rows={rows} rowKey={rowKey} rowLink={rowLink} sortOrder={sortOrder}
        onSort={(column) => setSortOrder(nextSortOrder(sortOrder, column))} busy={page.isFetching} locale={locale} />
      {page.isSuccess && rows.length === 0 && <Text c="dimmed">Nothing to show.</Text>}
      <Group>
        <Button variant="default" disabled={cursors.length === 0} onClick={() => setCursors([])}>First page</Button>
        <Button variant="default" disabled={!page.data?.nextCursor || page.isFetching} onClick={() => setCursors([...cursors, page.data!.nextCursor!])}>Next page</Button>
        <Text size="sm" c="dimmed">Page {cursors.length + 1}</Text>
      </Group>
    </Stack>
  );
}
