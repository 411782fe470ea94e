import { describe, expect, it } from 'vitest';
import { addArticleToStorageArea as rule } from '../../../server/orchestration/rules/add-article-to-storage-area.js';
import { entity, eventOn, ROOT, ruleInput } from './fake-reader.js';

const article = entity({ entityType: 'ARTICLE', id: 'a1', ref: 'HD-1-F1-A1', root: { ...ROOT } });
const run = (attributes: Record<string, unknown>, target = article) =>
  rule.run(ruleInput(target, rule.props.parse(null), { event: eventOn(target, 'ARTICLE_ARRIVED', attributes) }));

describe('base.AddArticleToStorageArea [simulator]', () => {
  it('records storageAreaRef as an article attribute', () => {
    expect(run({ storageAreaRef: 'SHELF-A' })).toEqual([
      {
        type: 'setAttributes',
        target: { entityType: 'ARTICLE', id: 'a1', ref: 'HD-1-F1-A1' },
        attributes: [{ name: 'storageAreaRef', type: 'STRING', value: 'SHELF-A' }],
      },
    ]);
  });

  it.each([
    { title: 'without storageAreaRef', attributes: {}, message: 'needs the attribute "storageAreaRef"' },
    { title: 'with an empty storageAreaRef', attributes: { storageAreaRef: ' ' }, message: 'needs the attribute "storageAreaRef"' },
    {
      title: 'on another entity',
      attributes: { storageAreaRef: 'S' },
      target: entity({ entityType: 'FULFILMENT', id: 'f1' }),
      message: 'runs on ARTICLE, not FULFILMENT',
    },
  ])('fails $title', ({ attributes, target, message }) => {
    expect(() => run(attributes, target)).toThrow(message);
  });
});
