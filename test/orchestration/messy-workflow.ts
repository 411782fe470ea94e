/**
 * A workflow in Fluent's real export format with the mess real files have
 * (shared/reference/real-world-usage.md "Workflows as customers really write them"): rule names
 * with account prefixes and deploy placeholders, library rules mixed with customer-specific
 * ones, statuses with empty names, `"props": null`, a userAction without `eventName`, extra keys,
 * `retailerId` as a number, a settings object.
 *
 * Provenance: written for this project from the shapes described in that document; no third-party
 * file was copied. Rule names are those listed there as commonly used.
 */
export const MESSY_ORDER_WORKFLOW = {
  retailerId: 1,
  version: '1.17',
  entityType: 'ORDER',
  entitySubtype: 'HD',
  description: 'Home delivery orders',
  versionComment: null,
  createdBy: 'deploy-bot',
  createdOn: '2024-05-03T04:11:09.532+0000',
  id: null,
  name: 'ORDER::HD',
  settings: { 'fc.rubix.sdk.webhook.retry.method': 'preserve-event-details' },
  'x-exported-by': 'workflow-builder',
  statuses: [
    { name: 'CREATED', entityType: 'ORDER', category: 'BOOKING' },
    { name: '', entityType: 'ORDER', category: 'BOOKING' },
    { name: 'BOOKED', entityType: 'ORDER', category: 'BOOKING' },
    { name: 'BOOKED', entityType: 'FULFILMENT', category: 'FULFILMENT' },
    { name: 'AWAITNG_WAVE', entityType: 'FULFILMENT', category: 'FULFILMENT' },
    { entityType: 'ORDER', category: 'DONE' },
  ],
  rulesets: [
    {
      name: 'CREATE',
      description: 'Order created',
      type: 'ORDER',
      eventType: 'NORMAL',
      rules: [
        { name: '{{accountId}}.core.SetState', props: { status: 'BOOKED' } },
        { name: 'ACME.custom.ValidateLoyaltyNumber', props: null },
        { name: 'ACME.commonv2.SendEventGQL', props: { eventName: 'ValidateOrder' } },
      ],
      triggers: [{ status: 'CREATED' }],
      userActions: [],
    },
    {
      name: 'ValidateOrder',
      type: 'ORDER',
      subtype: 'HD',
      eventType: 'NORMAL',
      rules: [
        { name: '{{fluent.account.plugin.v2.prefix}}.ChangeStateGQL', props: { status: 'VALIDATED' } },
        { name: 'ACME.ordercustom.CalculateSplitShipment', props: { maxSplits: 3, weights: [1, 2] } },
      ],
      triggers: [{ status: 'BOOKED' }],
      userActions: [
        {
          label: 'Validate',
          type: 'PRIMARY',
          attributes: [{ name: 'reason', label: 'Reason', type: 'STRING', source: '', defaultValue: '', mandatory: false }],
        },
      ],
      'x-notes': 'kept as is',
    },
    {
      name: 'CancelOrder',
      type: 'ORDER',
      eventType: 'NORMAL',
      rules: [{ name: 'FLUENTRETAIL.base.ChangeStateGQL', props: { status: 'CANCELLED' } }],
      triggers: [{ status: 'BOOKED' }, { status: 'VALIDATED' }],
      userActions: [{ eventName: 'CancelOrder', label: 'Cancel', type: 'SECONDARY' }],
    },
    {
      name: 'CREATE',
      type: 'FULFILMENT',
      subtype: 'HD_PFDC',
      eventType: 'NORMAL',
      rules: [{ name: 'ACME.core.SetState', props: { status: 'AWAITNG_WAVE' } }],
      triggers: [{ status: 'CREATED' }],
      userActions: null,
    },
  ],
};
