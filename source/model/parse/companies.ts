// Companies and firms as one name each, whatever suffix or punctuation a file
// uses: `Microsoft Corp`, `Microsoft Corporation` and `Microsoft Corp.` are
// Microsoft; `The Walt Disney Co.` is Walt Disney; `Barclays Capital`,
// `Barclays PLC` and `Barclays` are Barclays.

// Legal forms, which never tell two companies apart.
const LEGAL = /(?:,?\s+(?:(?:&|and)\s+(?:Co|Company|Cos)|Inc|Incorporated|Corp|Corporation|Co|Company|Cos|Companies|Ltd|Limited|LLC|L\.L\.C|LLP|LP|L\.P|PLC|plc|N\.V|NV|S\.A|SA|AG|SE|Holdings?|Group)\.?)+\s*$/i;

/** A company's name without its legal form or a leading `The`: `The Coca-Cola Co.` → `Coca-Cola`. */
export function canonicalCompany(name: string | null): string | null {
	if (!name) return null;
	let out = name.replace(/\s+/g, ' ').trim().replace(/[,;]+$/, '');
	for (let i = 0; i < 3 && LEGAL.test(out); i++) out = out.replace(LEGAL, '').trim().replace(/[,;]+$/, '');
	out = out.replace(/^the\s+/i, '').trim();
	return out || name.trim() || null;
}

// Words a broker's name carries for the line of business, not the firm.
const FIRM_NOISE = /(?:,?\s+(?:Capital Markets|Capital|Securities|Research|Equities|Equity Research|Global Markets|Investment Bank(?:ing)?|& Co|and Co|Inc|LLC|LLP|LP|Ltd|Limited|PLC|Corp|Corporation|Co|Company|Group|Holdings|International|USA|US|Americas|\(US\))\.?)+\s*$/i;

/**
 * A firm as a person's label gives it, cleaned for showing: `, Research
 * Division`, a title glued after a dash, and legal forms go.
 * `Sanford C. Bernstein & Co., LLC., Research Division - Senior Analyst` → `Sanford C. Bernstein`.
 */
// Firms recur across calls (a few hundred spellings in 10,000 calls): each worked out once.
const firms = new Map<string, string | null>();
const firmKeys = new Map<string, string | null>();
const remember = <T>(cache: Map<string, T>, key: string, value: T): T => {
	if (cache.size > 20_000) cache.clear();
	cache.set(key, value);
	return value;
};

export function canonicalFirm(firm: string | null): string | null {
	if (!firm) return null;
	const known = firms.get(firm);
	return known !== undefined ? known : remember(firms, firm, computeFirm(firm));
}

function computeFirm(firm: string): string | null {
	let out = firm.replace(/\s+/g, ' ').trim();
	out = out.replace(/\s+[-–—]+\s+(?:senior |lead |managing |research |equity )*(?:analyst|director|md|vp|associate|partner)\b.*$/i, '');
	out = out.replace(/,?\s*Research Division\.?/i, '').trim().replace(/[,;.]+$/, '');
	for (let i = 0; i < 3 && LEGAL.test(out); i++) out = out.replace(LEGAL, '').trim().replace(/[,;]+$/, '');
	return out || firm.trim();
}

/** What two firms must share to be one: `Barclays Capital` and `Barclays PLC` → `barclays`; `JP Morgan Chase` and `JPMorgan Securities` → `jpmorgan`. */
export function firmKey(firm: string | null): string | null {
	if (!firm) return null;
	const known = firmKeys.get(firm);
	return known !== undefined ? known : remember(firmKeys, firm, computeFirmKey(firm));
}

function computeFirmKey(firm: string): string | null {
	const clean = canonicalFirm(firm);
	if (!clean) return null;
	let out = clean;
	for (let i = 0; i < 4 && FIRM_NOISE.test(out); i++) out = out.replace(FIRM_NOISE, '').trim();
	// Squashed and cut to eight letters, so `JP Morgan Chase` and `JPMorgan`, or
	// `Capstone Investments` and `Capstone Investment`, are one firm.
	const key = (out || clean).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]/g, '').slice(0, 8);
	return key || null;
}

/** A company as a key: `Microsoft Corp.` and `Microsoft Corporation` → `microsoft`. */
export const companyKey = (name: string | null) => canonicalCompany(name)?.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() || null;
