import { Store } from '../../server/domain/store/store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('the in-memory store', () => new Store());
