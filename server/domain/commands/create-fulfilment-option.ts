/**
 * `createFulfilmentOption(input: CreateFulfilmentOptionInput, executionMode: ExecutionMode)`:
 * creates the `FulfilmentOption` (status CREATED, a CREATE event after commit, schema
 * description). Its `address` and `products` are values without identity
 * (`FulfilmentOptionAddress`, `FulfilmentOptionProduct`), stored inline on the option.
 *
 * @note `executionMode: AWAIT_ORCHESTRATION` (the only value) is accepted. On the platform the
 * mutation then waits for the option's workflow, whose rules produce the `plans`
 * (`FulfilmentPlan`s); the simulator does not produce plans here: they appear only if the loaded
 * workflow's rules create them when the CREATE event is processed.
 */
import type { Domain } from '../domain.js';
import type { EntityRecord } from '../store/store.js';
import { inputType } from './input-type.js';
import { requireInput } from './require-input.js';

type ProductInput = { productRef: string; catalogueRef?: string | null; requestedQuantity?: number | null };
type Args = { input?: ({ address?: Record<string, unknown> | null; products?: (ProductInput | null)[] | null } & Record<string, unknown>) | null };

/**
 * `FulfilmentOptionProduct.requestedQuantity` is required on output but optional on input; a
 * product asked for without a quantity is asked for once [inferred].
 */
const DEFAULT_REQUESTED_QUANTITY = 1;

export function createFulfilmentOption(domain: Domain, args: Args): EntityRecord {
  const { address, products, ...rest } = requireInput(args.input, 'createFulfilmentOption');
  const create = inputType(domain, 'CreateFulfilmentOptionInput');
  return domain.entities.write((tx, changes) => {
    const option = domain.entities.createIn(tx, changes, 'FulfilmentOption', create, rest, undefined);
    if (address != null) option['address'] = { ...address };
    if (products != null) {
      option['products'] = products
        .filter((p): p is ProductInput => p != null)
        .map((p) => ({
          productRef: p.productRef,
          catalogueRef: p.catalogueRef ?? null,
          requestedQuantity: p.requestedQuantity ?? DEFAULT_REQUESTED_QUANTITY,
        }));
    }
    tx.put(option);
    return option;
  });
}
