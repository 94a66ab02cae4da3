// The cases srp-vectors.mjs runs. Each picks what it wants to exercise; the
// script searches for a and b that give the wanted shape of A, B, u or S
// (wantA, wantB, wantS) and checks the result covers what `covers` lists.

import { padHex } from './server-math.mjs';

const TOP = 1n << 3064n; // below: the top byte of 384 is zero
const highBit = x => padHex(x).startsWith('00');
const oddHex = x => x.toString(16).length % 2 === 1;
const day = (m, d, h = 4, mi = 5, s = 6) => Date.UTC(2026, m, d, h, mi, s);

const POOL = 'us-east-1_Inc0gn1to';
const UUID = '7d3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

// Most cases sign in the same user of the same pool; only what differs is
// spelled out.
const user = c => ({ userPoolId: POOL, userId: UUID, ...c });

export const userCases = [
	user({ name: 'ascii password, uuid username, high-bit salt', password: 'Correct-Horse-9!', wrongPassword: 'Correct-Horse-9?', salt: '9f3c5a7e11d24b6c8e0f1a2b3c4d5e6f', timestampMs: day(1, 3), wantA: highBit, wantB: ({ B }) => highBit(B), covers: ['salt-high-bit', 'A-high-bit', 'B-high-bit'] }),
	user({ name: 'email typed, uuid USER_ID_FOR_SRP', username: 'jane.doe@example.com', password: 'Tr0ub4dor&3', wrongPassword: 'Tr0ub4dor&4', salt: '5e0c6b1d2a3f40718293a4b5c6d7e8f9', timestampMs: day(1, 9, 23, 59, 59), wantB: ({ B }) => !highBit(B) }),
	user({ name: 'email is the username', userPoolId: 'ap-southeast-2_EmA1lP00l', userId: 'jane.doe+srp@example.com', password: 'P@ssw0rd-with-email-user', wrongPassword: 'P@ssw0rd-with-email-usel', salt: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', timestampMs: day(11, 31, 23, 59, 59) }),
	user({ name: 'unicode password', password: 'pässwörd-密码-🔑-Ωμέγα', wrongPassword: 'passwörd-密码-🔑-Ωμέγα', salt: 'e3a1b2c3d4e5f60718293a4b5c6d7e8f', timestampMs: day(2, 1, 0, 0, 0) }),
	user({ name: 'unicode username', userId: 'José.Ñandú-用户', password: 'Secret-123', wrongPassword: 'secret-123', salt: '41b2c3d4e5f60718293a4b5c6d7e8f90', timestampMs: day(3, 10) }),
	user({ name: 'password with colons and spaces', password: ' pa:ss word: ', wrongPassword: 'pa:ss word:', salt: '1a2b3c4d5e6f708192a3b4c5d6e7f801', timestampMs: day(4, 5) }),
	user({ name: 'long password', password: `${'Lo0ng!'.repeat(42)}xyzw`, wrongPassword: `${'Lo0ng!'.repeat(42)}xyzW`, salt: '6f6e65207477', timestampMs: day(5, 6) }),
	user({ name: 'salt with a leading zero byte', password: 'Zero-Salt-1', wrongPassword: 'Zero-Salt-2', salt: '00a1b2c3d4e5f60718293a4b5c6d7e8f', timestampMs: day(6, 7), covers: ['salt-hex-zero-byte', 'salt-high-bit'] }),
	user({ name: 'salt with a leading zero nibble', password: 'Nibble-Salt-1', wrongPassword: 'Nibble-Salt-2', salt: '0a1b2c3d4e5f708192a3b4c5d6e7f801', timestampMs: day(7, 8), covers: ['salt-odd-hex'] }),
	user({ name: 'A with a zero top byte', password: 'Short-A-1', wrongPassword: 'Short-A-2', salt: '2233445566778899aabbccddeeff0011', timestampMs: day(8, 9), wantA: A => A < TOP, covers: ['A-short'] }),
	user({ name: 'A with odd-length hex', password: 'Odd-A-1', wrongPassword: 'Odd-A-2', salt: '33445566778899aabbccddeeff001122', timestampMs: day(9, 10), wantA: oddHex, covers: ['A-odd-hex'] }),
	user({ name: 'B with a zero top byte', password: 'Short-B-1', wrongPassword: 'Short-B-2', salt: '445566778899aabbccddeeff00112233', timestampMs: day(10, 11), wantB: ({ B }) => B < TOP, covers: ['B-short'] }),
	user({ name: 'B with odd-length hex', password: 'Odd-B-1', wrongPassword: 'Odd-B-2', salt: '5566778899aabbccddeeff0011223344', timestampMs: day(11, 12), wantB: ({ B }) => oddHex(B), covers: ['B-odd-hex'] }),
	user({ name: 'u with a zero top byte', password: 'Short-u-1', wrongPassword: 'Short-u-2', salt: '66778899aabbccddeeff001122334455', timestampMs: day(0, 13), wantB: ({ u }) => u < 1n << 248n, covers: ['u-short'] }),
	user({ name: 'u with the high bit set', password: 'High-u-1', wrongPassword: 'High-u-2', salt: '778899aabbccddeeff00112233445566', timestampMs: day(1, 14), wantB: ({ u }) => highBit(u), covers: ['u-high-bit'] }),
	user({ name: 'S with a zero top byte', password: 'Short-S-1', wrongPassword: 'Short-S-2', salt: '8899aabbccddeeff0011223344556677', timestampMs: day(2, 15), wantS: S => S < TOP, covers: ['S-short', 'salt-high-bit'] }),
	user({ name: 'S with the high bit set', password: 'High-S-1', wrongPassword: 'High-S-2', salt: '199aabbccddeeff00112233445566778', timestampMs: day(3, 16), wantS: highBit, covers: ['S-high-bit'] }),
	user({ name: '1 KiB secret block', password: 'Big-Block-1', wrongPassword: 'Big-Block-2', salt: '2aabbccddeeff0011223344556677889', timestampMs: day(4, 17), secretBlockLen: 1024 }),
];

// Sign in, remember the device, authenticate the device.
export const deviceFlowCase = {
	user: {
		name: 'cognito-identity-js device: sign-in, ConfirmDevice, DEVICE_SRP_AUTH',
		userPoolId: 'eu-west-1_D3v1ceP00l',
		userId: 'b1c2d3e4-0000-4a5b-8c6d-7e8f9a0b1c2d',
		password: 'Device-Pool-Passw0rd',
		wrongPassword: 'device-pool-passw0rd',
		salt: 'c0ffee00112233445566778899aabbcc',
		timestampMs: Date.UTC(2026, 6, 14, 9, 8, 7),
	},
	device: { DeviceKey: 'eu-west-1_4f1e2d3c-5b6a-4789-9abc-def012345678', DeviceGroupKey: '-Xq9ZtRw2' },
	deviceClaim: { name: 'cognito-identity-js device: the device claim', wrongPassword: 'not-the-device-password', secretBlockLen: 48 },
};

export const amplifyCases = [
	user({ name: 'amplify: ascii password', password: 'Correct-Horse-9!', wrongPassword: 'Correct-Horse-9?', salt: '9f3c5a7e11d24b6c8e0f1a2b3c4d5e6f', timestampMs: day(1, 3) }),
	user({ name: 'amplify: unicode password and username', userId: 'Zoë_Łukasz', password: 'пароль-密码-🔑', wrongPassword: 'пароль-密码-🔒', salt: 'fedcba98765432100123456789abcdef', timestampMs: day(8, 30, 12, 0, 0) }),
	user({ name: 'amplify: salt with a leading zero byte', password: 'Zero-Salt-1', wrongPassword: 'Zero-Salt-2', salt: '0000c3d4e5f60718293a4b5c6d7e8f90', timestampMs: day(6, 7), covers: ['salt-hex-zero-byte', 'salt-high-bit'] }),
	user({ name: 'amplify: u with a zero top byte', password: 'Short-u-1', wrongPassword: 'Short-u-2', salt: '66778899aabbccddeeff001122334455', timestampMs: day(0, 13), wantB: ({ u }) => u < 1n << 248n, covers: ['u-short'] }),
	user({ name: 'amplify: S with a zero top byte', password: 'Short-S-1', wrongPassword: 'Short-S-2', salt: '8899aabbccddeeff0011223344556677', timestampMs: day(2, 15), wantS: S => S < TOP, covers: ['S-short'] }),
	user({ name: 'amplify: B with a zero top byte', password: 'Short-B-1', wrongPassword: 'Short-B-2', salt: '445566778899aabbccddeeff00112233', timestampMs: day(10, 11), wantB: ({ B }) => B < TOP, covers: ['B-short'] }),
	{ name: 'amplify device: generateHashDevice then device claim', device: { DeviceKey: 'us-east-1_0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', DeviceGroupKey: '-Ab3dEfGh' }, wrongPassword: 'not-the-device-password', timestampMs: day(9, 1, 1, 1, 1) },
];

export const timestampInstants = [
	Date.UTC(1970, 0, 1, 0, 0, 0),
	Date.UTC(2026, 1, 3, 4, 5, 6),
	Date.UTC(2026, 0, 10, 0, 0, 0),
	Date.UTC(2026, 11, 31, 23, 59, 59),
	Date.UTC(2028, 1, 29, 12, 30, 45),
	Date.UTC(2030, 6, 9, 9, 9, 9),
	Date.UTC(2038, 0, 19, 3, 14, 8),
	Date.UTC(2099, 9, 21, 13, 1, 59),
	Date.UTC(2026, 4, 17, 18, 20, 0) + 999, // milliseconds are dropped
];

export const secretHashCases = [
	{ name: 'plain', clientSecret: '1o2k3j4h5g6f7d8s9a0pqowieurytalskdjfhgzmxncbv', username: 'jane.doe@example.com', clientId: '1example23456789abcdefghij' },
	{ name: 'uuid username', clientSecret: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNO', username: UUID, clientId: '7abcdefghijklmnopqrstuvwx9' },
	{ name: 'unicode username', clientSecret: 's3cr3t', username: 'José.Ñandú-用户', clientId: '1example23456789abcdefghij' },
	{ name: 'empty username', clientSecret: 's3cr3t', username: '', clientId: '1example23456789abcdefghij' },
];
