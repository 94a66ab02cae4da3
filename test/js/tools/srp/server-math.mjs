// The server's half of Cognito's SRP, written independently of the clients
// with native BigInt and node:crypto. srp-vectors.mjs uses it to build the
// challenge a client answers (B from a chosen b) and to check that the
// client's answer is one the server accepts, before any vector is written.

import { createHash, createHmac } from 'node:crypto';

/** Java BigInteger.toByteArray as hex, for a non-negative BigInt ("padHex"). */
export function padHex(n) {
	let h = n.toString(16);
	if (h.length % 2) h = `0${h}`;
	if (/^[89a-f]/.test(h)) h = `00${h}`;
	return h;
}

/** Minimal even-length hex, as Incognito's HexSalt writes a salt. */
export function evenHex(n) {
	const h = n.toString(16);
	return h.length % 2 ? `0${h}` : h;
}

export const hexBytes = hex => Buffer.from(hex, 'hex');
export const toBig = buf => BigInt(`0x${Buffer.from(buf).toString('hex') || '0'}`);
export const sha256 = (...parts) => {
	const h = createHash('sha256');
	for (const p of parts) h.update(p);
	return h.digest();
};

export function modPow(base, exp, mod) {
	let result = 1n;
	base %= mod;
	if (base < 0n) base += mod;
	while (exp > 0n) {
		if (exp & 1n) result = (result * base) % mod;
		base = (base * base) % mod;
		exp >>= 1n;
	}
	return result;
}

/** Deterministic bytes for a label, so regenerating gives the same file. */
export function det(label, n) {
	const out = [];
	for (let i = 0; out.length * 32 < n; i++) out.push(sha256(`incognito-srp-vectors/${label}#${i}`));
	return Buffer.concat(out).subarray(0, n);
}

export class Group {
	constructor(nHex) {
		this.N = BigInt(`0x${nHex}`);
		this.g = 2n;
		this.k = toBig(sha256(hexBytes(padHex(this.N)), hexBytes(padHex(this.g))));
	}

	x(poolName, userId, password, salt) {
		const inner = sha256(Buffer.from(`${poolName}${userId}:${password}`, 'utf8'));
		return toBig(sha256(hexBytes(padHex(salt)), inner));
	}

	verifier(poolName, userId, password, salt) {
		return modPow(this.g, this.x(poolName, userId, password, salt), this.N);
	}

	u(A, B) {
		return toBig(sha256(hexBytes(padHex(A)), hexBytes(padHex(B))));
	}

	/** S as the server computes it: (A * v^u)^b mod N. */
	serverS(A, B, v, b) {
		return modPow((A * modPow(v, this.u(A, B), this.N)) % this.N, b, this.N);
	}

	/** One HKDF-SHA256 block, salt = padHex(u), IKM = padHex(S), 16 bytes. */
	hkdf(u, S) {
		const prk = createHmac('sha256', hexBytes(padHex(u))).update(hexBytes(padHex(S))).digest();
		return createHmac('sha256', prk).update('Caldera Derived Key\u0001', 'utf8').digest().subarray(0, 16);
	}

	signature(key, poolName, userId, secretBlock, timestamp) {
		return createHmac('sha256', key)
			.update(Buffer.from(poolName, 'utf8'))
			.update(Buffer.from(userId, 'utf8'))
			.update(secretBlock)
			.update(Buffer.from(timestamp, 'utf8'))
			.digest('base64');
	}

	/**
	 * Picks a (128 bytes, as the clients do) starting from a label and
	 * stepping a -> a+1 (A -> 2A, cheap) until A satisfies want.
	 */
	chooseA(label, want = () => true) {
		let a = toBig(det(`${label}/a`, 128));
		let A = modPow(this.g, a, this.N);
		for (let i = 0; i < 1e6; i++, a++, A = (A * 2n) % this.N) {
			if (want(A)) return { a, A };
		}
		throw new Error(`no a for ${label}`);
	}

	/**
	 * Picks b (32 bytes, as Incognito does) and B = k*v + g^b mod N, stepping
	 * b until want({B, b, u}) holds.
	 */
	chooseB(label, A, v, want = () => true) {
		let b = toBig(det(`${label}/b`, 32));
		const kv = (this.k * v) % this.N;
		let gb = modPow(this.g, b, this.N);
		for (let i = 0; i < 1e6; i++, b++, gb = (gb * 2n) % this.N) {
			const B = (kv + gb) % this.N;
			if (B !== 0n && want({ B, b, u: this.u(A, B) })) return { b, B };
		}
		throw new Error(`no b for ${label}`);
	}
}
