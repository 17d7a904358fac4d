/**
 * Document Sending Profiles (spec §21.1): how a customer's documents go out. Resolution order:
 * the customer's own profile, else the default profile, else an ad-hoc choice (the user decides
 * in the email dialog, as with "Prompt for Settings").
 */
export const sendingChoices = ['no', 'promptForSettings', 'useDefaultSettings'] as const;
export type SendingChoice = (typeof sendingChoices)[number];
export const emailAttachmentChoices = ['pdf', 'electronicDocument', 'pdfAndElectronicDocument'] as const;
export type EmailAttachmentChoice = (typeof emailAttachmentChoices)[number];
export const diskChoices = ['no', 'pdf', 'electronicDocument', 'pdfAndElectronicDocument'] as const;
export const electronicDocumentChoices = ['no', 'throughDocumentExchangeService'] as const;

export interface SendingProfile {
  code: string;
  description: string;
  default: boolean;
  email: SendingChoice;
  emailAttachment: EmailAttachmentChoice;
}

/** What the send actions follow: the profile used (null: none found, ad hoc) and where it came from. */
export interface ResolvedSendingProfile {
  profile: SendingProfile | null;
  source: 'customer' | 'default' | 'adHoc';
  /** The email choice in force: ad hoc means the user is asked (the dialog). */
  email: SendingChoice;
  emailAttachment: EmailAttachmentChoice;
}

export function resolveSendingProfile(customerProfileCode: string, profiles: readonly SendingProfile[]): ResolvedSendingProfile {
  const code = customerProfileCode.trim().toUpperCase();
  const own = code === '' ? undefined : profiles.find((profile) => profile.code === code);
  if (own) return { profile: own, source: 'customer', email: own.email, emailAttachment: own.emailAttachment };
  const fallback = profiles.find((profile) => profile.default);
  if (fallback) return { profile: fallback, source: 'default', email: fallback.email, emailAttachment: fallback.emailAttachment };
  return { profile: null, source: 'adHoc', email: 'promptForSettings', emailAttachment: 'pdf' };
}
