import { describe, expect, it } from 'vitest';
import { checkAddressList, invalidAddressIn, isEmailAddress, splitAddressList } from '../../../src/core/email/email-address.ts';
import { afterFailedAttempt, maxEmailAttempts, retryDelaysSeconds } from '../../../src/core/email/outbox-retry.ts';
import { resolveSendingProfile, type SendingProfile } from '../../../src/core/email/sending-profile.ts';
import { DomainError } from '../../../src/core/errors.ts';

describe('email addresses', () => {
  it.each([
    ['sales@contoso.com', true], ['first.last+tag@mail.example.co.uk', true], ['a@b', false], ['no-at-sign.example', false],
    ['two@@example.com', false], ['space in@example.com', false], ['', false], ['x@-bad.example', false],
  ])('%s is valid: %s', (address, valid) => {
    expect(isEmailAddress(address)).toBe(valid);
  });

  it('splits lists on ; and , and names the first invalid address', () => {
    expect(splitAddressList(' a@x.example ;b@y.example, ,')).toEqual(['a@x.example', 'b@y.example']);
    expect(invalidAddressIn('a@x.example; nope; also bad')).toBe('nope');
    expect(checkAddressList('a@x.example,b@y.example', 'to')).toBe('a@x.example; b@y.example');
    let refusal: unknown;
    try { checkAddressList('a@x.example; nope', 'cc'); } catch (error) { refusal = error; }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'INVALID_EMAIL', field: 'cc', message: "'nope' is not a valid email address (cc)." });
  });
});

describe('the retry schedule of background sends', () => {
  it('waits longer after each failure and fails after the last attempt', () => {
    expect(afterFailedAttempt(1, false)).toEqual({ status: 'queued', retryInSeconds: 60 });
    expect(afterFailedAttempt(2, false)).toEqual({ status: 'queued', retryInSeconds: 300 });
    expect(afterFailedAttempt(maxEmailAttempts - 1, false)).toEqual({ status: 'queued', retryInSeconds: retryDelaysSeconds.at(-1) });
    expect(afterFailedAttempt(maxEmailAttempts, false)).toEqual({ status: 'failed' });
    expect(afterFailedAttempt(1, true)).toEqual({ status: 'failed' });
  });
});

describe('document sending profile resolution (spec §21.1)', () => {
  const profile = (code: string, fields: Partial<SendingProfile> = {}): SendingProfile =>
    ({ code, description: '', default: false, email: 'useDefaultSettings', emailAttachment: 'pdf', ...fields });
  const profiles = [profile('DIRECT'), profile('ASK', { default: true, email: 'promptForSettings', emailAttachment: 'pdfAndElectronicDocument' })];

  it('takes the customer\'s profile, else the default, else an ad-hoc choice', () => {
    expect(resolveSendingProfile('direct', profiles)).toMatchObject({ source: 'customer', email: 'useDefaultSettings', profile: { code: 'DIRECT' } });
    expect(resolveSendingProfile('', profiles)).toMatchObject({ source: 'default', email: 'promptForSettings', emailAttachment: 'pdfAndElectronicDocument' });
    expect(resolveSendingProfile('GONE', profiles)).toMatchObject({ source: 'default', profile: { code: 'ASK' } });
    expect(resolveSendingProfile('', [profile('DIRECT')])).toEqual({ profile: null, source: 'adHoc', email: 'promptForSettings', emailAttachment: 'pdf' });
  });
});
