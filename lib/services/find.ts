import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { components, services, type Component, type Service } from "@/db/schema";
import { DomainError, notFound } from "@/lib/errors";

/** The service with this slug, inside a write, or a 404. */
export async function serviceBySlug(tx: Tx, slug: string): Promise<Service> {
  const row = (await tx.select().from(services).where(eq(services.slug, slug)).limit(1))[0];
  if (!row) throw notFound(`No service ${slug}`);
  return row;
}

/** The component `slug` of `service`, inside a write, or a 404. */
export async function componentBySlug(tx: Tx, service: Service, slug: string): Promise<Component> {
  const row = (await tx.select().from(components).where(and(eq(components.serviceId, service.id), eq(components.slug, slug))).limit(1))[0];
  if (!row) throw notFound(`No component ${slug} in service ${service.slug}`);
  return row;
}

/** A 409 that names the field at fault, so forms and {error, fields} can point at it. */
export const conflictOn = (field: string, message: string) => new DomainError("conflict", message, { field });
