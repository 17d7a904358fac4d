import { createTheme } from '@mantine/core';

// Compact, business-application density: many fields and rows on one screen.
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontSizes: { md: '0.875rem' },
  components: {
    TextInput: { defaultProps: { size: 'xs' } },
    NativeSelect: { defaultProps: { size: 'xs' } },
    Select: { defaultProps: { size: 'xs' } },
    Checkbox: { defaultProps: { size: 'xs' } },
    Button: { defaultProps: { size: 'xs' } },
  },
});
