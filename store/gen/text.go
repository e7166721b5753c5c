package gen

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// The wording of generated provisions: sentences in English or Ukrainian
// (and now and then an English provision quoting the Ukrainian), drawn from
// vocabularies of the domain with Zipf's law, as natural text is: a few
// words ("the", "shall", "та") are in nearly every provision, most are in
// few. That is what full-text search meets in real data: some words match
// half the table, most match a few hundred rows.

// englishWords, most frequent first.
var englishWords = strings.Fields(`
	the of and to shall in a by be for on parties with all as this agreement
	from at its ukraine russia that within forces security will any or not
	after party provision days are guarantee territory line contact united
	states europe nato no following implementation years under each such
	other international monitoring zone ceasefire its their have been into
	military armed border withdrawal force control period until which has
	sanctions assets frozen reconstruction fund elections nuclear plant power
	civilians prisoners exchange children return amnesty claims recognition
	de facto jure region oblast donetsk luhansk crimea kherson zaporizhzhia
	kharkiv sea azov black access navigation ports grain corridor energy
	infrastructure guarantors article response consultation council peace
	board chaired president signature ratification parliament referendum
	constitution membership alliance enlargement accession union european
	candidate status neutrality cap personnel peacetime wartime reserve troops
	stationed deployment foreign contingent reassurance mission observers
	verification mechanism report violations dispute resolution commission
	joint working group humanitarian aid organisations red cross detained
	deported families reunification investigations war crimes tribunal
	accountability compensation damages reparations billion dollars investment
	profits vehicle share matching contribution market trade tariffs export
	import gas transit pipeline electricity output split iaea supervision
	operator safety inspection demilitarized buffer width kilometres withdraw
	positions artillery drones missiles air defence long range strikes ban
	non aggression pledge binding legally enshrined law treaty annex protocol
	schedule phased stages conditions snapback reinstated lifted eased
	maintained review extension renewal automatic mutual consent terminated
	void breach sovereign integrity independence language church minorities
	education media disinformation cooperation economic development recovery
	conference donors loans grants insurance guarantees investors companies
`)

// ukrainianWords, most frequent first.
var ukrainianWords = strings.Fields(`
	та в і на сторони з до що не україна угоди від за безпеки протягом росія
	війська угода гарантії після днів всіх лінії зіткнення сполучені штати
	європа нато це між зони припинення вогню моніторингу території місія
	виконання положення років одна кожна інші міжнародні збройні сили кордон
	відведення контролю період доки санкції активи заморожені відбудови фонд
	вибори атомна електростанція енергія цивільні полонені обмін діти
	повернення амністія претензії визнання де факто юре область донецька
	луганська крим херсонська запорізька харківська море азовське чорне доступ
	судноплавство порти зерновий коридор енергетична інфраструктура гаранти
	стаття відповідь консультації рада миру голова президент підписання
	ратифікація парламент референдум конституція членство альянс розширення
	вступ союз європейський кандидат статус нейтралітет обмеження чисельність
	мирний час воєнний резерв розміщення іноземний контингент спостерігачі
	перевірка механізм звіт порушення спір комісія спільна робоча група
	гуманітарна допомога червоний хрест затримані депортовані родини
	возз'єднання розслідування воєнні злочини трибунал відповідальність
	компенсація збитки репарації мільярдів доларів інвестиції прибутки частка
	внесок ринок торгівля мита експорт імпорт газ транзит трубопровід
	електроенергія розподіл магатее нагляд оператор безпека інспекція
	демілітаризована буферна ширина кілометрів позиції артилерія дрони ракети
	протиповітряна оборона удари заборона ненапад зобов'язання юридично
	обов'язкова закріплена закон договір додаток протокол графік поетапно
	етапи умови відновлення скасовуються послаблюються зберігаються перегляд
	продовження автоматичне взаємна згода припинено недійсна суверенітет
	цілісність незалежність мова церква меншини освіта медіа дезінформація
	співпраця економічний розвиток конференція донори кредити гранти страхування
	інвестори компанії м’який п'ять
`)

// Words is the vocabulary generated wording draws from, English or
// Ukrainian, most frequent first: words for tests that need some of either.
func Words(ukrainian bool) []string {
	if ukrainian {
		return slices.Clone(ukrainianWords)
	}
	return slices.Clone(englishWords)
}

// Openings of sentences, as drafts of treaties begin them.
var (
	englishOpenings = []string{
		"The parties agree that", "Ukraine shall", "Russia shall", "The United States will",
		"European partners undertake that", "No later than", "Within the period set out below",
		"Pending a final settlement,", "The guarantors confirm that", "It is expected that",
		"Subject to ratification,", "In the event of a violation,",
	}
	ukrainianOpenings = []string{
		"Сторони погоджуються, що", "Україна зобов'язується", "Росія зобов'язується",
		"Сполучені Штати", "Європейські партнери гарантують, що", "Не пізніше ніж",
		"До остаточного врегулювання", "Гаранти підтверджують, що", "У разі порушення",
	}
)

// Phrases for text-typed terms: places, forces, bodies, conditions.
var (
	englishPhrases = []string{
		"Zaporizhzhia nuclear power plant", "Donetsk oblast west of the line of contact", "Kinburn spit",
		"Armed Forces of Ukraine", "Black Sea Fleet", "Dnipro river crossings", "Crimea", "Luhansk oblast",
		"Kherson oblast", "a joint monitoring commission", "the Peace Council", "on signature",
		"72 hours after signature", "if the ceasefire holds for 100 days", "a reconstruction fund in Frankfurt",
		"ground forces only", "the line of contact as of signature", "by mutual consent",
	}
	ukrainianPhrases = []string{
		"Запорізька АЕС", "Донецька область на захід від лінії зіткнення", "Кінбурнська коса",
		"Збройні сили України", "Чорноморський флот", "переправи через Дніпро", "Крим", "Луганська область",
		"Херсонська область", "спільна моніторингова комісія", "Рада миру", "з моменту підписання",
		"через 72 години після підписання", "якщо режим тиші триває 100 днів", "лише сухопутні війська",
	}
)

// Places, for titles.
var (
	englishPlaces = []string{"Crimea", "Donetsk oblast", "Luhansk oblast", "Kherson oblast", "Zaporizhzhia oblast",
		"Kharkiv oblast", "the Black Sea", "the Sea of Azov", "the Dnipro", "Kinburn spit", "Ukraine", "Europe"}
	ukrainianPlaces = []string{"Крим", "Донецька область", "Луганська область", "Херсонська область",
		"Запорізька область", "Харківська область", "Чорне море", "Азовське море", "Дніпро", "Україна", "Європа"}
)

// words draws words of one vocabulary with Zipf's law.
type words struct {
	list []string
	zipf *rand.Zipf
}

func newWords(rng *rand.Rand, list []string) words {
	return words{list: list, zipf: rand.NewZipf(rng, 1.07, 2, uint64(len(list)-1))}
}

func (w words) next() string { return w.list[w.zipf.Uint64()] }

// texts writes the wording of provisions.
type texts struct {
	rng     *rand.Rand
	english words
	ukr     words
}

func newTexts(rng *rand.Rand) *texts {
	return &texts{rng: rng, english: newWords(rng, englishWords), ukr: newWords(rng, ukrainianWords)}
}

// ukrainian says whether the next provision is worded in Ukrainian: about
// a third are.
func (t *texts) ukrainian() bool { return t.rng.IntN(3) == 0 }

// wording is one to four sentences of 8–24 words, in Ukrainian or English;
// an English one sometimes ends quoting the Ukrainian text.
func (t *texts) wording(ukrainian bool) string {
	var b strings.Builder
	n := 1 + t.rng.IntN(4)
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		t.sentence(&b, ukrainian)
	}
	if !ukrainian && t.rng.IntN(10) == 0 {
		b.WriteString(` Ukrainian text: «`)
		t.sentence(&b, true)
		b.WriteString(`»`)
	}
	return b.String()
}

func (t *texts) sentence(b *strings.Builder, ukrainian bool) {
	openings, vocab := englishOpenings, t.english
	if ukrainian {
		openings, vocab = ukrainianOpenings, t.ukr
	}
	b.WriteString(openings[t.rng.IntN(len(openings))])
	for i, n := 0, 8+t.rng.IntN(17); i < n; i++ {
		if i > 0 && t.rng.IntN(9) == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(' ')
		b.WriteString(vocab.next())
	}
	b.WriteByte('.')
}

// edit changes a few words of a wording, as a revision does.
func (t *texts) edit(s string, ukrainian bool) string {
	ws := strings.Split(s, " ")
	vocab := t.english
	if ukrainian {
		vocab = t.ukr
	}
	for range 1 + t.rng.IntN(3) {
		i := t.rng.IntN(len(ws))
		switch t.rng.IntN(3) {
		case 0:
			ws[i] = vocab.next()
		case 1:
			ws = append(ws[:i], append([]string{vocab.next()}, ws[i:]...)...)
		default:
			if len(ws) > 4 {
				ws = append(ws[:i], ws[i+1:]...)
			}
		}
	}
	return strings.Join(ws, " ")
}

// phrase is a short text term: a place, a force, a body, a condition.
func (t *texts) phrase(ukrainian bool) string {
	if ukrainian {
		return ukrainianPhrases[t.rng.IntN(len(ukrainianPhrases))]
	}
	return englishPhrases[t.rng.IntN(len(englishPhrases))]
}

// title is a kind's label with a place: "Territorial: Crimea",
// "Ceasefire: Луганська область".
func (t *texts) title(label string, ukrainian bool) string {
	places := englishPlaces
	if ukrainian {
		places = ukrainianPlaces
	}
	return label + ": " + places[t.rng.IntN(len(places))]
}
