import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { ListFilterControl, type ListFilter } from './list-filters.tsx';
import { nextSortOrder, parseSortParam, sortParam, sortRows, type SortOrder } from './sorting.ts';

export interface ListColumn<T> {
  key: string;
  label: string;
  render: (row: T, locale: SupportedLocale) => ReactNode;
  /**
   * The field the API sorts on when the header is clicked: the column's key unless given; null for a
   * column the API cannot sort (actions).
   */
  sortField?: string | null;
  /** The value sorted on by lists that sort one page in the browser (sortOn="page"): plain text, a decimal string or a YYYY-MM-DD date. */
  sortValue?: (row: T) => string;
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
  /** The order the list opens in, as the API's `sort` (`-entryNo`: newest first); the key order when absent. */
  defaultSort?: string;
  /**
   * `server` (the default): a header click asks the API for the list in that order, across all rows;
   * `page`: the rows of the page shown are sorted in the browser, for the few APIs that do not sort.
   */
  sortOn?: 'server' | 'page';
}

const pageSizes = [25, 50, 100];
const defaultPageSize = 50;

/** Parameters of the address that are the list's own, besides its filters. */
const pagingParams = ['cursor', 'page'];

function pageSizeOf(value: string | null): number {
  const size = Number(value);
  return Number.isInteger(size) && size >= 1 && size <= 1000 ? size : defaultPageSize;
}

/**
 * The list's query, all of it kept in the page address so that reload, Back and a shared link show
 * the same list: search (debounced), filters, sort, page size, and the cursor and number of the page shown.
 */
function useListQuery<T>(resource: string, filters: readonly ListFilter[], options: { searchable: boolean; defaultSort: string | undefined; sortOn: 'server' | 'page' }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const urlSearch = searchParams.get('search') ?? '';
  const [searchText, setSearchText] = useState(urlSearch);
  const [debouncedSearch] = useDebouncedValue(searchText, 300);
  const filterValues = Object.fromEntries(filters.map((filter) => [filter.field, searchParams.get(filter.field) ?? '']));
  const sort = searchParams.get('sort') ?? options.defaultSort ?? '';
  const limit = pageSizeOf(searchParams.get('limit'));
  const cursor = searchParams.get('cursor') ?? undefined;
  const pageNo = cursor ? Math.max(2, Number(searchParams.get('page')) || 2) : 1;

  /** A new search, filter, sort or page size starts again at the first page. */
  const change = (mutate: (params: URLSearchParams) => void, replace = false) => setSearchParams((params) => {
    const next = new URLSearchParams(params);
    mutate(next);
    return next;
  }, { replace });
  const restart = (params: URLSearchParams) => pagingParams.forEach((name) => params.delete(name));

  // The typed search reaches the address once typing pauses (only then: the effect reads the rest of the address as it
  // is); Back to an address with another search shows that one in the box.
  const lastWritten = useRef(urlSearch);
  useEffect(() => {
    if (debouncedSearch === lastWritten.current) return;
    lastWritten.current = debouncedSearch;
    change((params) => {
      if (debouncedSearch) params.set('search', debouncedSearch);
      else params.delete('search');
      restart(params);
    }, true);
  }, [debouncedSearch]);
  useEffect(() => {
    if (urlSearch === lastWritten.current) return;
    lastWritten.current = urlSearch;
    setSearchText(urlSearch);
  }, [urlSearch]);

  const query = { ...filterValues, search: options.searchable ? urlSearch : undefined, sort: options.sortOn === 'server' ? sort : undefined, limit };
  const page = useQuery({
    queryKey: ['list', resource, JSON.stringify(query), cursor],
    queryFn: () => api.get<Page<T>>(withQuery(resource, { ...query, cursor })),
    placeholderData: keepPreviousData,
  });

  return {
    searchText, setSearchText, filterValues, sort, limit, pageNo, page,
    setFilter: (field: string, value: string) => change((params) => {
      if (value) params.set(field, value);
      else params.delete(field);
      restart(params);
    }),
    setSort: (value: string) => change((params) => {
      if (value === (options.defaultSort ?? '')) params.delete('sort');
      else params.set('sort', value);
      restart(params);
    }),
    setLimit: (value: number) => change((params) => {
      if (value === defaultPageSize) params.delete('limit');
      else params.set('limit', String(value));
      restart(params);
    }),
    firstPage: () => change(restart),
    nextPage: (nextCursor: string) => change((params) => {
      params.set('cursor', nextCursor);
      params.set('page', String(pageNo + 1));
    }),
  };
}

interface ListTableProps<T> {
  title: string;
  columns: ReadonlyArray<ListColumn<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowLink: ((row: T) => string) | undefined;
  sortOrder: SortOrder | null;
  /** The field a column sorts on, or null where it does not sort. */
  sortFieldOf: (column: ListColumn<T>) => string | null;
  onSort: (field: string) => void;
  busy: boolean;
  locale: SupportedLocale;
}

function ListTable<T>({ title, columns, rows, rowKey, rowLink, sortOrder, sortFieldOf, onSort, busy, locale }: ListTableProps<T>) {
  const t = useCaptions();
  return (
    <Table striped highlightOnHover withTableBorder stickyHeader aria-label={title} aria-busy={busy}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => {
            const field = sortFieldOf(column);
            const sorted = field !== null && sortOrder?.column === field ? sortOrder.direction : undefined;
            return (
              <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined} aria-sort={sorted}>
                {field === null ? <Text fw={600} fz="sm" span>{t(column.label)}</Text> : (
                  <UnstyledButton fw={600} fz="sm" onClick={() => onSort(field)}>
                    {t(column.label)}{sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                  </UnstyledButton>
                )}
              </Table.Th>
            );
          })}
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
 * A Business Central style list: search box and filters, sorting by a column header (on the server,
 * across all rows), and paging by the API's cursor; all of it kept in the page address.
 */
export function ListPage<T>({
  title, resource, columns, rowKey, rowLink, filters = [], newLink, actions, searchable = true, defaultSort, sortOn = 'server',
}: ListPageProps<T>) {
  const { locale } = useSession();
  const t = useCaptions();
  const list = useListQuery<T>(resource, filters, { searchable, defaultSort, sortOn });
  const { page } = list;
  const sortOrder = parseSortParam(list.sort);
  const sortFieldOf = (column: ListColumn<T>): string | null => {
    if (sortOn === 'page') return column.sortValue && column.sortField !== null ? column.key : null;
    return column.sortField === undefined ? column.key : column.sortField;
  };
  const valueOf = (row: T, key: string) => columns.find((candidate) => candidate.key === key)?.sortValue?.(row) ?? '';
  const items = page.data?.items ?? [];
  const rows = sortOn === 'page' ? sortRows(items, sortOrder, valueOf, locale) : items;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t(title)}</Title>
        <Group gap="xs">
          {actions}
          {newLink && <Button component={Link} to={newLink}>{t('New')}</Button>}
        </Group>
      </Group>
      <Group align="end">
        {searchable && (
          <TextInput label={t('Search')} type="search" placeholder={t('Search')} value={list.searchText} onChange={(event) => list.setSearchText(event.currentTarget.value)} w={260} />
        )}
        {filters.map((filter) => (
          <ListFilterControl key={filter.field} filter={filter} value={list.filterValues[filter.field] ?? ''} onChange={(value) => list.setFilter(filter.field, value)} />
        ))}
      </Group>
      {page.error && <Alert color="red" role="alert">{messageOf(page.error)}</Alert>}
      <ListTable title={t(title)} columns={columns} rows={rows} rowKey={rowKey} rowLink={rowLink} sortOrder={sortOrder} sortFieldOf={sortFieldOf}
        onSort={(field) => list.setSort(sortParam(nextSortOrder(sortOrder, field)))} busy={page.isFetching} locale={locale} />
      {page.isSuccess && rows.length === 0 && <Text c="dimmed">{t('Nothing to show.')}</Text>}
      <Group align="center">
        <Button variant="default" disabled={list.pageNo === 1} onClick={list.firstPage}>{t('First page')}</Button>
        <Button variant="default" disabled={!page.data?.nextCursor || page.isFetching} onClick={() => list.nextPage(page.data!.nextCursor!)}>{t('Next page')}</Button>
        <Text size="sm" c="dimmed" aria-live="polite">{t('Page {{no}}', { no: list.pageNo })}</Text>
        <NativeSelect aria-label={t('Rows per page')} size="xs" value={String(list.limit)} onChange={(event) => list.setLimit(Number(event.currentTarget.value))}
          data={[...new Set([...pageSizes, list.limit])].sort((left, right) => left - right).map((size) => ({ value: String(size), label: t('{{size}} rows per page', { size }) }))} />
      </Group>
    </Stack>
  );
}
