import type { EntityManager } from 'typeorm';
import { Agency } from '../src/agencies/agency.entity.js';
import { PasswordHasher } from '../src/auth/password-hasher.js';
import { User } from '../src/auth/user.entity.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.data.js';

/**
 * Demo accounts, one per role per demo agency (supervisor and admin in the county government office).
 * Inserted when missing, never overwritten (a demo user who changed the password keeps it).
 *
 * They are NOT forced to change the password at first sign-in: they exist only outside production,
 * their password is printed on the console for anyone to use, and a demo that walks through five
 * roles would otherwise start with five password changes. Accounts an admin or the CLI creates are
 * forced to (mustChangePassword).
 */
export async function seedDemoUsers(manager: EntityManager, now: Date): Promise<number> {
  const users = manager.getRepository(User);
  const missing = [];
  for (const demo of DEMO_USERS) if (!(await users.existsBy({ username: demo.username }))) missing.push(demo);
  if (missing.length === 0) return 0;
  const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
  for (const demo of missing) {
    const agency = await manager.getRepository(Agency).findOneByOrFail({ code: demo.agencyCode });
    await users.save(
      users.create({
        username: demo.username,
        displayName: demo.displayName,
        agencyId: agency.id,
        roles: [...demo.roles],
        active: true,
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: now,
      }),
    );
  }
  return missing.length;
}
