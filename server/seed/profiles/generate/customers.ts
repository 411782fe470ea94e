/** Customers, each in a city weighted by population. */
import type { ProfileContext } from './profile-context.js';
import { PROFILE_RETAILER_ID, type Customer } from './profile-data.js';

export function generateCustomers(ctx: ProfileContext): Customer[] {
  const { faker, sizes, step, slug, pickCity } = ctx;
  const customers: Customer[] = [];
  for (let c = 1; c <= sizes.customers; c += 1) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const email = `${slug(firstName)}.${slug(lastName)}.${c}@${faker.helpers.arrayElement(['example.com', 'example.net', 'example.org'])}`;
    const city = pickCity();
    const phone = faker.phone.number({ style: 'international' });
    step(
      'createCustomer',
      {
        username: email,
        title: faker.helpers.arrayElement(['Mr', 'Ms', 'Mrs', 'Miss', 'Dr', 'Mx']),
        firstName,
        lastName,
        primaryEmail: email,
        primaryPhone: phone,
        country: 'Australia',
        timezone: city.timeZone,
        promotionOptIn: faker.datatype.boolean({ probability: 0.3 }),
        retailer: { id: PROFILE_RETAILER_ID },
      },
      `customer-${c}`,
    );
    customers.push({ name: `${firstName} ${lastName}`, firstName, lastName, email, phone, city });
  }
  return customers;
}
