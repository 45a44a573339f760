/**
 * A veterinary clinic with a shop and its suppliers: owners and their animals, veterinarians and
 * visits, invoices and payments, products, and purchase orders kept in a second schema. Mapped the way
 * a Spring Boot application maps its entities (snake-case names), and exercising the mapping features
 * autogen must follow.
 */
package dev.autogen.sample;
