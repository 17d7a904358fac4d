/**
 * Roles: what each role may read and change, area by area. The roles are fixed in the product
 * (core/access/roles.ts, the same rules the server enforces); a user gets one on the Users page.
 */
import { Stack, Table, Text, Title } from '@mantine/core';
import { canRead, canWrite, roles, type Area, type Role } from '../../core/access/roles.ts';
import { useCaptions } from '../i18n/captions.ts';

const roleCaptions: Record<Role, string> = { admin: 'Administrator', salesManager: 'Sales Manager', salesClerk: 'Sales Clerk', accountant: 'Accountant', viewer: 'Viewer' };
const areaCaptions: Record<Area, string> = {
  users: 'Users', setup: 'Setup', customers: 'Customers', items: 'Items', vendors: 'Vendors', sales: 'Sales', purchases: 'Purchases', posting: 'Posting',
};

function access(role: Role, area: Area): string {
  if (canWrite(role, area)) return 'Read and write';
  return canRead(role, area) ? 'Read only' : 'No access';
}

export function RolesPage() {
  const t = useCaptions();
  const areas = Object.keys(areaCaptions) as Area[];
  return (
    <Stack>
      <Title order={2}>{t('Roles')}</Title>
      <Text size="sm">{t('What each role may read and change. Give a user a role on the Users page.')}</Text>
      <Table striped withTableBorder aria-label={t('Roles')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Role')}</Table.Th>
            {areas.map((area) => <Table.Th key={area}>{t(areaCaptions[area])}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roles.map((role) => (
            <Table.Tr key={role}>
              <Table.Th scope="row">{t(roleCaptions[role])}</Table.Th>
              {areas.map((area) => <Table.Td key={area}>{t(access(role, area))}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
