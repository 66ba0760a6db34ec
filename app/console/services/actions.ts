"use server";

import { z } from "zod";
import { action } from "@/lib/console/action";
import { createComponent } from "@/lib/services/components/create-component";
import { deleteComponent } from "@/lib/services/components/delete-component";
import { updateComponent } from "@/lib/services/components/update-component";
import { createService } from "@/lib/services/create-service";
import { deleteService } from "@/lib/services/delete-service";
import { updateService } from "@/lib/services/update-service";
import { renameGroup } from "@/lib/services/groups/rename-group";
import { createComponentInput, createServiceInput, updateComponentInput, updateServiceInput } from "@/lib/services/input";
import { readServiceForm } from "@/lib/services/read-form";

const admin = "admin" as const;
const pages = (slug?: string) => ["/console/services", ...(slug ? [`/console/services/${slug}`] : [])];
const nothing = z.object({});

/** New service → its page, where components are added. */
export const createServiceAction = action(readServiceForm(createServiceInput), (input, user) => createService(input, user), {
  role: admin, revalidate: pages(), redirect: (s) => `/console/services/${s.slug}`,
});

/** Any service change: the edit form, hide/show, archive/unarchive and move up/down all send PATCH fields. */
export const updateServiceAction = action(readServiceForm(updateServiceInput), (input, user, slug: string) => updateService(slug, input, user), {
  role: admin, revalidate: (s) => pages(s.slug),
});

export const deleteServiceAction = action(nothing, (_input, user, slug: string) => deleteService(slug, user), {
  role: admin, revalidate: pages(), redirect: () => "/console/services",
});

export const createComponentAction = action(readServiceForm(createComponentInput), (input, user, slug: string) => createComponent(slug, input, user), {
  role: admin, revalidate: pages(), refresh: true, done: () => ({ values: {} }),
});

export const updateComponentAction = action(
  readServiceForm(updateComponentInput), (input, user, slug: string, component: string) => updateComponent(slug, component, input, user),
  { role: admin, revalidate: pages(), refresh: true },
);

export const deleteComponentAction = action(nothing, (_input, user, slug: string, component: string) => deleteComponent(slug, component, user), {
  role: admin, revalidate: pages(), refresh: true,
});

const groupName = z.string({ error: "name must be text" }).trim().min(1, { error: "name is required" }).max(80, { error: "name must be at most 80 characters" });
export const renameGroupAction = action(z.object({ name: groupName }), ({ name }, user, slug: string, group: string) => renameGroup(slug, { group, name }, user), {
  role: admin, revalidate: pages(), refresh: true,
});
