import type { Core } from '@strapi/strapi';
import { DEMO_USERS, PLUGIN_ID, ROLES, type RoleKey } from '../constants';
import { adminActorFromState, type AdminActor } from '../utils/actor';
import { getService } from '../utils/get-service';

export type DemoUser = { email: string; password: string; role: string; created: boolean };

/** A demo document to leave part-way through its approval: submitted, with its first `stepsTaken` steps taken. */
export type DemoReview = { uid: string; documentId: string; locale?: string; stepsTaken: number };

/** Demo admin accounts, one per editorial role, for the development seed (never in production). */
const demoUsers = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Creates the missing demo users and returns all of them with their passwords, so the seed can
   * print them. Idempotent: an existing account is left untouched (password included).
   */
  async ensureDemoUsers(): Promise<DemoUser[]> {
    // The environment Strapi booted with (its config), not the process's variables of the moment.
    if (strapi.config.get('environment') === 'production') {
      throw new Error(`[${PLUGIN_ID}] demo users are for development only; refusing to create them in production`);
    }
    const users: DemoUser[] = [];
    for (const demo of DEMO_USERS) {
      const role = (await strapi.db.query('admin::role').findOne({ where: { code: ROLES[demo.role].code } })) as { id: number } | null;
      if (!role) throw new Error(`[${PLUGIN_ID}] role ${ROLES[demo.role].code} is missing; it is created at bootstrap`);
      const existing = await strapi.db.query('admin::user').findOne({ where: { email: demo.email } });
      if (!existing) {
        await strapi.service('admin::user').create({
          email: demo.email,
          password: demo.password,
          firstname: demo.firstname,
          lastname: demo.lastname,
          isActive: true,
          registrationToken: null,
          roles: [role.id],
        });
      }
      users.push({ email: demo.email, password: demo.password, role: ROLES[demo.role].name, created: !existing });
    }
    return users;
  },

  /**
   * Leaves demo documents waiting in the workflow, acted on by the demo accounts through the same
   * transitions people use: the demo editor submits, then the demo account of each step's role takes
   * the first `stepsTaken` steps. A document that already entered the workflow is left alone
   * (idempotent). Returns how many documents it moved.
   */
  async stageDemoReviews(reviews: DemoReview[]): Promise<number> {
    if (strapi.config.get('environment') === 'production') {
      throw new Error(`[${PLUGIN_ID}] demo reviews are for development only; refusing in production`);
    }
    const actors = new Map<RoleKey, AdminActor>();
    const actorFor = async (role: RoleKey): Promise<AdminActor> => {
      const cached = actors.get(role);
      if (cached) return cached;
      const demo = DEMO_USERS.find((candidate) => candidate.role === role);
      const user = demo
        ? ((await strapi.db.query('admin::user').findOne({ where: { email: demo.email }, populate: ['roles'] })) as
            | { id: number; firstname: string | null; lastname: string | null; roles: Array<{ code: string }> }
            | null)
        : null;
      if (!user) throw new Error(`[${PLUGIN_ID}] the demo ${role} account is missing; call ensureDemoUsers() first`);
      const userAbility = await strapi.service('admin::permission').engine.generateUserAbility(user);
      const actor = adminActorFromState(strapi, { user, userAbility });
      if (!actor) throw new Error(`[${PLUGIN_ID}] no abilities for the demo ${role} account`);
      actors.set(role, actor);
      return actor;
    };

    const workflow = getService(strapi, 'workflow');
    let moved = 0;
    for (const review of reviews) {
      const covered = getService(strapi, 'settings').require(review.uid);
      const locale = await getService(strapi, 'content').resolveLocale(covered.uid, review.locale);
      if (await getService(strapi, 'states').find({ uid: covered.uid, documentId: review.documentId, locale })) continue;
      const input = { locale: review.locale };
      await workflow.transition(covered.uid, review.documentId, { action: 'submit', ...input }, await actorFor('editor'));
      for (const step of covered.steps.slice(0, review.stepsTaken)) {
        await workflow.transition(covered.uid, review.documentId, { action: 'approve', ...input }, await actorFor(step));
      }
      moved += 1;
    }
    return moved;
  },
});

export default demoUsers;
