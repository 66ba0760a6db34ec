import { describe, expect, it } from "vitest";
import { DEFAULT_TARGET_POLICY, entryProblem, judgeTarget, targetPolicyInput } from "@/lib/certs/target-policy";
import { vetTarget } from "@/lib/certs/vet-target";
import { embeddedIpv4, parseCidr, parseIp, reaches } from "@/lib/net/ip";

const inRange = (ip: string, cidr: string) => reaches(parseIp(ip)!, parseCidr(cidr)!);

describe("IP and CIDR matching", () => {
  it("parses IPv4 and IPv6 literals, with brackets and zones, and refuses the rest", () => {
    expect(parseIp("10.1.2.3")).toEqual({ v: 4, n: 0x0a010203n });
    expect(parseIp("::1")).toEqual({ v: 6, n: 1n });
    expect(parseIp("::")).toEqual({ v: 6, n: 0n });
    expect(parseIp("[2001:db8::1]")).toEqual({ v: 6, n: 0x20010db8000000000000000000000001n });
    expect(parseIp("fe80::1%eth0")).toEqual({ v: 6, n: 0xfe800000000000000000000000000001n });
    expect(parseIp("1:2:3:4:5:6:7:8")?.n).toBe(0x00010002000300040005000600070008n);
    expect(parseIp("1::")?.n).toBe(0x00010000000000000000000000000000n);
    expect(parseIp("::ffff:169.254.169.254")?.n).toBe(0xffffa9fea9fen);
    for (const bad of ["", "256.1.1.1", "1.2.3", "010.1.1.1", "2130706433", "0x7f.1", "1:2:3:4:5:6:7:8:9", "example.com", "::g"]) expect(parseIp(bad)).toBeNull();
  });

  it("matches IPv4 ranges, including the edges", () => {
    expect(inRange("169.254.0.0", "169.254.0.0/16")).toBe(true);
    expect(inRange("169.254.255.255", "169.254.0.0/16")).toBe(true);
    expect(inRange("169.255.0.0", "169.254.0.0/16")).toBe(false);
    expect(inRange("169.253.255.255", "169.254.0.0/16")).toBe(false);
    expect(inRange("8.8.8.8", "0.0.0.0/0")).toBe(true);
    expect(inRange("10.9.9.9", "10.1.2.3/8")).toBe(true); // host bits in the entry are ignored
    expect(inRange("169.254.169.254", "169.254.169.254")).toBe(true);
    expect(inRange("169.254.169.253", "169.254.169.254")).toBe(false);
  });

  it("matches IPv6 ranges and never mixes families", () => {
    expect(inRange("fe80::1", "fe80::/10")).toBe(true);
    expect(inRange("febf:ffff::1", "fe80::/10")).toBe(true);
    expect(inRange("fec0::1", "fe80::/10")).toBe(false);
    expect(inRange("fd00:ec2::254", "fd00:ec2::254/128")).toBe(true);
    expect(inRange("fd00:ec2::255", "fd00:ec2::254")).toBe(false);
    expect(inRange("ff02::1", "ff00::/8")).toBe(true);
    expect(inRange("::1", "0.0.0.0/8")).toBe(false);
    expect(inRange("0.0.0.1", "::/8")).toBe(false);
  });

  it("sees through IPv4-mapped and NAT64 IPv6 addresses", () => {
    expect(embeddedIpv4(parseIp("::ffff:a9fe:a9fe")!)).toEqual(parseIp("169.254.169.254"));
    expect(inRange("::ffff:169.254.169.254", "169.254.0.0/16")).toBe(true);
    expect(inRange("::ffff:a9fe:a9fe", "169.254.169.254")).toBe(true);
    expect(inRange("64:ff9b::a9fe:a9fe", "169.254.0.0/16")).toBe(true);
    expect(inRange("::ffff:10.0.0.1", "169.254.0.0/16")).toBe(false);
    // A mapped range in an entry is the IPv4 range it maps.
    expect(parseCidr("::ffff:10.0.0.0/104")).toEqual(parseCidr("10.0.0.0/8"));
    expect(inRange("10.200.0.1", "::ffff:10.0.0.0/104")).toBe(true);
    // ::1 is loopback, not the deprecated IPv4-compatible 0.0.0.1.
    expect(inRange("::1", "0.0.0.0/8")).toBe(false);
  });

  it("refuses malformed ranges", () => {
    for (const bad of ["10.0.0.0/33", "fe80::/129", "10.0.0.0/", "/8", "10.0.0.0/8/8", "fe80::1%eth0/64", "x/8"]) expect(parseCidr(bad)).toBeNull();
  });
});

describe("the monitor target policy", () => {
  const judge = (host: string, addresses: string[], policy = DEFAULT_TARGET_POLICY) => judgeTarget(policy, host, addresses);

  it("by default refuses link-local, metadata, 0.0.0.0/8, multicast and broadcast, with the reason", () => {
    expect(judge("169.254.169.254", ["169.254.169.254"])).toEqual({ ok: false, message: "Monitor target 169.254.169.254 is not allowed: link-local/metadata addresses are blocked by the admin policy" });
    expect(judge("::ffff:169.254.169.254", ["::ffff:169.254.169.254"])).toMatchObject({ ok: false, message: expect.stringMatching(/link-local\/metadata/) });
    expect(judge("fd00:ec2::254", ["fd00:ec2::254"])).toMatchObject({ ok: false });
    expect(judge("100.100.100.200", ["100.100.100.200"])).toMatchObject({ ok: false, message: expect.stringMatching(/metadata/) });
    expect(judge("168.63.129.16", ["168.63.129.16"])).toEqual({ ok: false, message: "Monitor target 168.63.129.16 is not allowed: cloud metadata/wire server addresses are blocked by the admin policy" });
    expect(judge("wire.example", ["::ffff:168.63.129.16"])).toMatchObject({ ok: false });
    expect(judge("168.63.129.17", ["168.63.129.17"])).toEqual({ ok: true });
    expect(judge("fe80::1", ["fe80::1"])).toMatchObject({ ok: false });
    expect(judge("metadata.google.internal", [])).toEqual({ ok: false, message: "Monitor target metadata.google.internal is not allowed: link-local/metadata addresses are blocked by the admin policy" });
    expect(judge("METADATA.google.internal.", ["169.254.169.254"])).toMatchObject({ ok: false });
    expect(judge("0.0.0.0", ["0.0.0.0"])).toMatchObject({ ok: false, message: expect.stringMatching(/unspecified/) });
    expect(judge("224.0.0.251", ["224.0.0.251"])).toMatchObject({ ok: false, message: expect.stringMatching(/multicast/) });
    expect(judge("ff02::fb", ["ff02::fb"])).toMatchObject({ ok: false, message: expect.stringMatching(/multicast/) });
    expect(judge("255.255.255.255", ["255.255.255.255"])).toMatchObject({ ok: false, message: expect.stringMatching(/broadcast/) });
  });

  it("by default allows loopback, private ranges and public addresses", () => {
    for (const a of ["127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "fd12::1", "8.8.8.8", "2001:db8::1"]) expect(judge(a, [a])).toEqual({ ok: true });
  });

  it("refuses a name when ANY address it resolves to is denied, and says which", () => {
    expect(judge("rebind.example", ["93.184.216.34", "169.254.169.254"])).toEqual({
      ok: false, message: "Monitor target rebind.example (169.254.169.254) is not allowed: link-local/metadata addresses are blocked by the admin policy",
    });
  });

  it("applies admin entries: CIDRs, names and wildcards on the deny list, and an allow list", () => {
    const policy = { allow: [], deny: ["10.0.0.0/8", "*.corp.example", "db.example.com"] };
    expect(judge("10.9.8.7", ["10.9.8.7"], policy)).toEqual({ ok: false, message: "Monitor target 10.9.8.7 is not allowed: it matches 10.0.0.0/8 on the deny list of the admin policy" });
    expect(judge("mail.corp.example", ["192.0.2.1"], policy)).toMatchObject({ ok: false, message: expect.stringMatching(/\*\.corp\.example/) });
    expect(judge("corp.example", ["192.0.2.1"], policy)).toEqual({ ok: true }); // a wildcard covers subdomains only
    expect(judge("DB.example.com", ["192.0.2.2"], policy)).toMatchObject({ ok: false });
    expect(judge("169.254.169.254", ["169.254.169.254"], policy)).toEqual({ ok: true }); // the admin removed the defaults

    const allow = { allow: ["192.168.0.0/16", "*.example.org"], deny: ["192.168.66.0/24"] };
    expect(judge("192.168.1.10", ["192.168.1.10"], allow)).toEqual({ ok: true });
    expect(judge("8.8.8.8", ["8.8.8.8"], allow)).toEqual({ ok: false, message: "Monitor target 8.8.8.8 is not allowed: it is not on the allow list of the admin policy" });
    expect(judge("www.example.org", ["203.0.113.9"], allow)).toEqual({ ok: true });
    expect(judge("www.example.org", ["192.168.66.1"], allow)).toMatchObject({ ok: false, message: expect.stringMatching(/192\.168\.66\.0\/24/) }); // deny wins
    expect(judge("mixed.example.net", ["192.168.1.1", "8.8.4.4"], allow)).toMatchObject({ ok: false, message: expect.stringMatching(/\(8\.8\.4\.4\).*allow list/) });
    expect(judge("nowhere.example.net", [], allow)).toMatchObject({ ok: false });
  });

  it("validates and normalises entries", () => {
    expect(targetPolicyInput.parse({ allow: [], deny: [" 10.0.0.0/8 ", "Example.COM.", "example.com", "", "*.Corp.Example"] }))
      .toEqual({ allow: [], deny: ["10.0.0.0/8", "example.com", "*.corp.example"] });
    expect(entryProblem("10.0.0.0/33")).toBe("10.0.0.0/33 is not a valid IP address or CIDR range");
    expect(entryProblem("http://x")).toMatch(/not a valid IP address, CIDR range, hostname or \*\.domain/);
    expect(entryProblem("*.")).not.toBeNull();
    expect(entryProblem("10.0.0.256")).toBe("10.0.0.256 is not a valid IP address or CIDR range");
    expect(entryProblem("fe80::/10")).toBeNull();
    const bad = targetPolicyInput.safeParse({ allow: ["bad host"], deny: [] });
    expect(bad.success).toBe(false);
    expect(targetPolicyInput.safeParse({ allow: [], deny: [], extra: 1 }).success).toBe(false);
  });
});

describe("vetting a target", () => {
  it("checks every address the name resolves to at the time of the check", async () => {
    let answer = ["93.184.216.34"];
    const resolve = async () => answer;
    const policy = DEFAULT_TARGET_POLICY;
    expect(await vetTarget("flip.example", { policy, resolve })).toEqual({ ok: true, addresses: ["93.184.216.34"] });
    answer = ["93.184.216.34", "::ffff:169.254.169.254"]; // the same name now also points at metadata
    expect(await vetTarget("flip.example", { policy, resolve })).toMatchObject({ ok: false, reason: "denied", message: expect.stringMatching(/flip\.example \(::ffff:169\.254\.169\.254\)/) });
  });

  it("resolves with the system resolver, and reports a name that does not resolve", async () => {
    expect(await vetTarget("localhost", { policy: DEFAULT_TARGET_POLICY })).toMatchObject({ ok: true, addresses: expect.arrayContaining(["127.0.0.1"]) });
    expect(await vetTarget("localhost", { policy: { allow: [], deny: ["127.0.0.0/8", "::1"] } })).toMatchObject({ ok: false, reason: "denied", message: expect.stringMatching(/^Monitor target localhost \((127\.0\.0\.1|::1)\) is not allowed/) });
    expect(await vetTarget("no-such-host.invalid", { policy: DEFAULT_TARGET_POLICY })).toMatchObject({ ok: false, reason: "unresolved" });
  });
});
