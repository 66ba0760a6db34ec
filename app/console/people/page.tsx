import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listPeople } from "@/lib/people/list-people";
import { DataTable } from "@/components/console/data-table";
import { LocalTime } from "@/components/local-time";
import { InviteForm } from "@/app/console/people/invite-form";
import { PersonControls } from "@/app/console/people/person-controls";
import { RevokeInviteButton } from "@/app/console/people/revoke-invite-button";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const me = await requireUser("admin");
  const { people, invites } = await listPeople();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">People</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Admins manage people and settings; responders run incidents. Disabling someone ends their sessions and API tokens at once.</p>
      </header>
      <InviteForm />
      <section aria-labelledby="people-list">
        <h2 id="people-list" className="text-lg font-semibold">Accounts</h2>
        <DataTable className="mt-2" headers={["Name", "Email", "Role", "State", "Last sign-in", <span key="a" className="sr-only">Actions</span>]}>
          {people.map((p) => (
            <tr key={p.id} className="align-top" data-person={p.email}>
              <td className="px-3 py-2">{p.name}{p.id === me.userId && <span className="text-slate-600 dark:text-slate-400"> (you)</span>}</td>
              <td className="px-3 py-2">{p.email}</td>
              <td className="px-3 py-2" data-role={p.role}>{p.role}</td>
              <td className="px-3 py-2" data-state={p.state}>{p.state}</td>
              <td className="px-3 py-2">{p.lastSignInAt === null ? "never" : <LocalTime ms={p.lastSignInAt} />}</td>
              <td className="px-3 py-2">{p.id !== me.userId && <PersonControls person={p} />}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="invite-list">
        <h2 id="invite-list" className="text-lg font-semibold">Open invites</h2>
        {invites.length === 0 ? <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">No open invites.</p> : (
          <DataTable className="mt-2" headers={["Email", "Role", "Invited", "Expires", <span key="a" className="sr-only">Actions</span>]}>
            {invites.map((i) => (
              <tr key={i.id} data-invite={i.email}>
                <td className="px-3 py-2">{i.email}</td>
                <td className="px-3 py-2">{i.role}</td>
                <td className="px-3 py-2"><LocalTime ms={i.createdAt} /></td>
                <td className="px-3 py-2"><LocalTime ms={i.expiresAt} /></td>
                <td className="px-3 py-2"><RevokeInviteButton id={i.id} email={i.email} /></td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
