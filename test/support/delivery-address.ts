/**
 * A fulfilment choice with a delivery address for test HD orders. The reference HD workflow
 * escalates an order with no delivery address (ProcessError, workflow-contracts.md §5.2); this
 * address sits on the default seed's LOC_MEL_DC (Dandenong), so sourcing tries that warehouse first.
 */
export const DC_ADDRESS = {
  name: 'Kim',
  street: '1 Test St',
  city: 'Dandenong',
  postcode: '3175',
  country: 'AU',
  latitude: -37.9875,
  longitude: 145.2149,
} as const;

/** `fulfilmentChoice` input of an HD order `ref` delivered to DC_ADDRESS. */
export const hdChoice = (ref: string): Record<string, unknown> => ({
  ref: `${ref}-FC`,
  deliveryType: 'STANDARD',
  deliveryAddress: { ref: `${ref}-ADDR`, ...DC_ADDRESS },
});
