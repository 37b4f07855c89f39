#!/usr/bin/env python3
"""Generate lib/boilerplate_lex.h: the word table boilerplate.c looks every
word up in (stopwords, promo/link vocabulary by category, cue words).

A static perfect-ish hash table (linear probing, 2048 slots) so a lookup is
one hash compare for most words.  The hash must match scan_line() in
boilerplate.c (see h32 below).
Run: python3 tools/gen_boiler_lex.py > lib/boilerplate_lex.h
"""
CATS = ["", "subscription", "newsletter", "share", "feedback", "support", "comments",
        "cookie", "navigation", "related", "advertisement", "legal", "cta"]
F = dict(STOP=1, YOU=2, WE=4, IMP=8, CITE=16, ROLE=32, META=64, TAGLBL=128, CREDIT=256,
         BYWORD=512, SAYS=1024, TOLD=2048, AGENCY=4096)

entries = {}
def add(words, cat="", w=0, *flags):
    for word in words.split():
        c, ww, fl = entries.get(word, ("", 0, 0))
        if cat and ww <= w:
            c, ww = cat, w
        for f in flags:
            fl |= F[f]
        entries[word] = (c, ww, fl)

STOP = """a about above after again against all am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is
it its itself just me more most my myself no nor not now of off on once only or other ought
our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself also may
might must shall would its it's that's there's who's he's she's they're we're you're i'm
per via amid upon among since though although whether"""
add(STOP, "", 0, "STOP")

# weights in quarter points: 8 = strong (2.0), 4 = medium (1.0), 2 = weak (0.5)
add("subscribe subscribed subscriber subscribers subscription subscriptions unsubscribe "
    "paywall ad-free adfree", "subscription", 8)
add("premium membership magazine unlimited", "subscription", 4)
add("trial offer delivered deliver door", "subscription", 2)
add("newsletter newsletters newsletter's inbox signup sign-up", "newsletter", 8)
add("whatsapp linkedin pinterest reddit flipboard", "share", 8)
add("share facebook twitter tweet", "share", 4)
add("email print messenger telegram copy link", "share", 2)
add("feedback", "feedback", 8)
add("contact typo error errors corrections tips questions", "feedback", 4)
add("patron patrons patreon donate donation donations donating", "support", 8)
add("support contribute contribution supporters supporting", "support", 4)
add("independent journalism", "support", 2)
add("comment comments commenting commenters", "comments", 4)
add("discussion reply replies", "comments", 2)
add("cookie cookies consent gdpr", "cookie", 8)
add("privacy preferences accept", "cookie", 4)
add("login logout sitemap homepage navigation menu loading", "navigation", 8)
add("skip search register signin sign-in", "navigation", 4)
add("home next previous back top", "navigation", 2)
add("related recommended trending", "related", 4)
add("popular latest stories headlines coverage read reading", "related", 2)
add("advertisement advertisements advertising sponsored adverts advert", "advertisement", 8)
add("ads promoted partner", "advertisement", 4)
add("copyright reproduction redistribution", "legal", 8)
add("reserved rights terms", "legal", 4)
add("click tap download notifications javascript", "cta", 8)
add("app apps podcast browser unlock bookmark alerts", "cta", 4)
add("follow watch listen join enjoy here today free now get", "cta", 2)

# a few other languages' promo words (shape rules do the rest there)
add("abonnieren abonnez abonnement suscr\u00edbete suscribete suscribirse assine", "subscription", 8)
add("teilen partager compartir condividi", "share", 4)
add("werbung publicit\u00e9 publicidad pubblicit\u00e0", "advertisement", 8)
add("anzeige", "advertisement", 4)
add("kommentare commentaires comentarios commenti", "comments", 4)
add("you your yours yourself you're you'll you've you'd", "", 0, "YOU")
add("we us our ours we're we've", "", 0, "WE")
add("subscribe sign click tap read follow share download get join enjoy support give become "
    "contact watch listen try send email like register log donate visit check see learn "
    "discover explore start continue upgrade unlock save find tell help please make choose "
    "accept manage allow go sign-up signup comment don't never skip", "", 0, "IMP")
add("according citing cited reported reports source sources inputs quoted quoting", "", 0, "CITE")
add("said says told", "", 0, "SAYS")
add("reporter writer journalist correspondent editor columnist contributor author producer "
    "freelance reporters writers editors", "", 0, "ROLE")
add("published updated posted created modified last", "", 0, "META")
add("tags tag topics topic country countries region regions categories category keywords "
    "subjects filed", "", 0, "TAGLBL")
add("photo photos photograph photographer picture pictures image images credit getty "
    "shutterstock alamy pool file pictured contributed", "", 0, "CREDIT")
add("by", "", 0, "BYWORD")
add("told", "", 0, "TOLD")
# wires whose "X said" is a cite (metadata.c keeps the canonical names)
add("reuters ap afp kcna yonhap tass xinhua interfax bloomberg pti ani ians efe dpa ansa upi "
    "anadolu ukrinform unian bbc cnn nhk jiji bernama antara wafa irna sana kyodo press news "
    "agencies", "", 0, "AGENCY")

def h32(w):
    # as scan_line: the lower-cased word zero padded to 16 bytes, two
    # little-endian 64-bit blocks, h64 = a*K1 ^ b*K2 ^ len, top 32 bits
    b = w.encode()
    pad = b[:16].ljust(16, b"\0")
    a = int.from_bytes(pad[:8], "little")
    c = int.from_bytes(pad[8:], "little")
    M = (1 << 64) - 1
    h = ((a * 0x9E3779B97F4A7C15) & M) ^ ((c * 0xC2B2AE3D27D4EB4F) & M) ^ len(b)
    return h >> 32

SIZE = 2048
SHIFT = 21   # 32 - log2(SIZE)
table = [None] * SIZE
for word in sorted(entries):
    b = word.encode()
    assert len(b) <= 15, word
    h = h32(word)
    slot = ((h * 2654435761) & 0xFFFFFFFF) >> SHIFT
    while table[slot] is not None:
        slot = (slot + 1) & (SIZE - 1)
    table[slot] = (word, h)

print("/* Generated by tools/gen_boiler_lex.py: do not edit. */")
print("/* categories: " + ", ".join("%d %s" % (i, c) for i, c in enumerate(CATS) if c) + " */")
print("#define LEX_SIZE %d" % SIZE)
print("#define LEX_SHIFT %d" % SHIFT)
# the LX_ flag values are declared in lib/boilerplate.h (keep F in step)
print("static const char *const LEX_CAT_NAME[%d] = {%s};" % (
    len(CATS), ", ".join('"%s"' % c if c else "NULL" for c in CATS)))
print("static const lexent LEX[LEX_SIZE] = {")
for slot, e in enumerate(table):
    if e is None:
        continue
    word, h = e
    c, w, fl = entries[word]
    print('    [%d] = {%uu, %d, %d, %d, %d, "%s"},' % (slot, h, len(word.encode()), CATS.index(c), w, fl, word))
print("};")
