import { describe, expect, it } from 'vitest';
import { schemaBlock, typeOf } from '../../../src/server/http/api-reference-page.ts';

describe('the API reference page, schema by schema', () => {
  it('writes a type as a short expression: format, null, arrays, enums, unions and links to named schemas', () => {
    expect(typeOf({ type: 'string', format: 'date', nullable: true })).toBe('string (date) | null');
    expect(typeOf({ type: 'array', items: { $ref: '#/components/schemas/Problem' } })).toBe('array of <a href="#schema-Problem">Problem</a>');
    expect(typeOf({ enum: ['order', 'invoice'] })).toBe('<code>&quot;order&quot;</code> | <code>&quot;invoice&quot;</code>');
    expect(typeOf({ anyOf: [{ type: 'string' }, { type: 'number' }] })).toBe('string | number');
    expect(typeOf(undefined)).toBe('any');
  });

  it('lists an object\'s fields with required marks, limits and nested objects, and escapes what the document says', () => {
    const html = schemaBlock({
      type: 'object', required: ['no'],
      properties: {
        no: { type: 'string', maxLength: 20, description: 'The <b>number</b>, e.g. `SO1001`' },
        lines: { type: 'array', items: { type: 'object', properties: { quantity: { type: 'string', default: '1' } } } },
      },
    });
    expect(html).toContain('<td><code>no</code> <span class="req" title="required">*</span></td><td>string <span class="limits">max. length 20</span></td>');
    expect(html).toContain('The &lt;b&gt;number&lt;/b&gt;, e.g. <code>SO1001</code>');
    expect(html).toContain('<td><code>lines</code></td><td>array of object</td>');
    expect(html).toContain('<td><code>quantity</code></td><td>string <span class="limits">default <code>&quot;1&quot;</code></span></td>');
  });
});
