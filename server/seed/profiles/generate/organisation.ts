/** Retailers (the first is retailer 1), the ADMIN and STORE_ASSISTANT roles, and carriers. */
import type { SeedFile } from '../../load-seed.js';
import type { ProfileContext } from './profile-context.js';
import { CARRIERS, PROFILE_RETAILER_ID, STORE_ASSISTANT_PERMISSIONS } from './profile-data.js';

export type Organisation = { retailerRefs: { id: string }[]; carriers: readonly { ref: string; name: string }[] };

export function generateOrganisation(ctx: ProfileContext, records: NonNullable<SeedFile['records']>): Organisation {
  const { faker, sizes, step, slug } = ctx;
  const permissions = (records['Permission'] ?? []).map((p) => ({ name: String(p['name']) }));
  const retailerRefs: { id: string }[] = [];
  for (let r = 1; r <= sizes.retailers; r += 1) {
    const company = faker.company.name();
    const domain = `${slug(company).slice(0, 20) || `retailer${r}`}.example`;
    step(
      'createRetailer',
      {
        name: r === 1 ? company : `${company} (partner)`,
        tradingName: company,
        summary: faker.company.catchPhrase(),
        websiteUrl: `https://www.${domain}`,
        urlName: slug(company).slice(0, 30) || `retailer${r}`,
        primaryEmail: `ops@${domain}`,
        supportContactName: faker.person.fullName(),
        supportEmail: `support@${domain}`,
        supportPhone: faker.phone.number({ style: 'international' }),
      },
      r === 1 ? 'retailer' : `retailer-${r}`,
    );
    retailerRefs.push({ id: r === 1 ? PROFILE_RETAILER_ID : `$retailer-${r}.id` });
  }
  step('createRole', { name: 'ADMIN', permissions });
  step('createRole', { name: 'STORE_ASSISTANT', permissions: permissions.filter((p) => STORE_ASSISTANT_PERMISSIONS.includes(p.name)) });
  const carriers = CARRIERS.slice(0, Math.min(sizes.carriers, CARRIERS.length));
  for (const carrier of carriers) step('createCarrier', { ref: carrier.ref, name: carrier.name, type: 'DEFAULT', retailer: { id: PROFILE_RETAILER_ID } });
  return { retailerRefs, carriers };
}
