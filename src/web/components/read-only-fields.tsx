import { Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ReadOnlyGroup {
  title: string;
  fields: ReadonlyArray<{ label: string; value: ReactNode }>;
}

/** A card's FastTabs for viewing: caption above value, as BC shows a non-editable card. */
export function ReadOnlyFields({ groups }: { groups: readonly ReadOnlyGroup[] }) {
  return groups.map((group) => (
    <Fieldset key={group.title} legend={group.title}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        {group.fields.map((field) => (
          <Stack key={field.label} gap={0}>
            <Text size="xs" c="dimmed">{field.label}</Text>
            <Text size="sm">{field.value === '' || field.value === null ? '—' : field.value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Fieldset>
  ));
}
