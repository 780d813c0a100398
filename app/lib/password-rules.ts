// The length rule for new passwords, shared by the server's check and the forms' hints (ASVS 2.1.1, 2.1.2).
export const PASSWORD_MIN = 12;
/** At least 64 characters allowed (ASVS 2.1.2), more than 128 refused; never truncated (2.1.3). */
export const PASSWORD_MAX = 128;
