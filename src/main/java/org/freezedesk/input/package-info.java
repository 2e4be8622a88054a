/**
 * The one input policy of FreezeDesk, applied to forms, JSON, CSV and the portal alike: which characters text may
 * hold, how amounts and dates are read and how far they may go, how many rows a form may have, and how refused
 * input is answered (400 or 409 naming the field, never 5xx). It depends on no other module, so every module may
 * use it.
 */
package org.freezedesk.input;
