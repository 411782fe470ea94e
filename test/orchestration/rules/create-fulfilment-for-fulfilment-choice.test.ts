import type { Effect } from '../../../server/orchestration/port.js';
import { describe, expect, it } from 'vitest';
import { createFulfilmentForFulfilmentChoice as rule } from '../../../server/orchestration/rules/create-fulfilment-for-fulfilment-choice.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { ccChoice, choiceFulfilment, hdChoice, multiOrder, multiWorld } from './multi-fixtures.js';

const run = (target = hdChoice(), attributes: Record<string, unknown> = {}, props: unknown = null, world = multiWorld()) =>
  rule.run(ruleInput(target, rule.props.parse(props), { event: eventOn(target, 'BookFulfilmentChoice', attributes), data: world }));

/** The input of a mutate effect, typed as the test reads it: `Effect` types a mutation's input as a plain record. */
const mutateInput = (effect: Effect | undefined) =>
  (effect?.type === 'mutate' ? effect.input : {}) as { toAddress?: unknown; items: { orderItem: { id: string }; requestedQuantity: number }[] };

describe('order.CreateFulfilmentForFulfilmentChoice', () => {
  it.each([
    { title: 'the HD choice', target: hdChoice(), attributes: {}, type: 'HD_PFDC', from: 'a2', to: { id: 'ca1' }, choice: 'FC-HD', item: ['oi1', 2] },
    { title: 'the CC choice', target: ccChoice(), attributes: {}, type: 'CC_PFS', from: 'a1', to: undefined, choice: 'FC-CC', item: ['oi2', 1] },
    {
      title: 'the order naming FC-CC',
      target: multiOrder(),
      attributes: { fulfilmentChoiceRef: 'FC-CC' },
      type: 'CC_PFS',
      from: 'a1',
      to: undefined,
      choice: 'FC-CC',
      item: ['oi2', 1],
    },
  ])('creates a fulfilment for the items of $title only', ({ target, attributes, type, from, to, choice, item }) => {
    const [effect, ...rest] = run(target, attributes);
    expect(rest).toEqual([]);
    expect(effect).toMatchObject({
      type: 'mutate',
      mutation: 'createFulfilment',
      input: { type, order: { id: 'o1' }, fulfilmentChoiceRef: choice, fromAddress: { id: from } },
    });
    const input = mutateInput(effect);
    expect(input.toAddress).toEqual(to);
    expect(input.items.map((i) => [i.orderItem.id, i.requestedQuantity])).toEqual([item]);
  });

  it('takes props as commonv2.CreateFulfilment does', () => {
    expect(run(hdChoice(), {}, { fulfilmentType: 'HD_PFS', locationRef: 'STORE-1' })).toMatchObject([{ input: { type: 'HD_PFS', fromAddress: { id: 'a1' } } }]);
  });

  it('creates nothing when the choice is covered already', () => {
    const covered = multiWorld([choiceFulfilment('f1', 'FC-HD', 'AWAITING_WAVE')]);
    covered.related = { ...covered.related, 'FULFILMENT:f1:items': [{ orderItem: { id: 'oi1' }, requestedQuantity: 2 }] };
    expect(run(hdChoice(), {}, null, covered)).toEqual([]);
  });

  it.each([
    { target: multiOrder(), attributes: {}, message: 'needs the attribute "fulfilmentChoiceRef"' },
    { target: multiOrder(), attributes: { fulfilmentChoiceRef: 'FC-404' }, message: 'has no fulfilment choice "FC-404"' },
  ])('fails: $message', ({ target, attributes, message }) => {
    expect(() => run(target, attributes)).toThrow(message);
  });
});
