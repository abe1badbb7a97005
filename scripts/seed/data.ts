/** Realistic-looking (invented) data for a job centre around Aarhus. */
export const CLUSTERS = [
  'Virksomhedscenter Nord',
  'Virksomhedscenter Syd',
  'Erhvervsklynge Havnen',
  'Butikscenter Bytorvet',
  'Landsbyklynge Hinnerup',
  'Virksomhedscenter Vest',
  'Sundhedsklyngen Skejby',
  'Industriklynge Øst',
] as const;

export const PLACES = [
  { municipality: 'Aarhus', postcode: '8000' },
  { municipality: 'Aarhus', postcode: '8200' },
  { municipality: 'Aarhus', postcode: '8210' },
  { municipality: 'Aarhus', postcode: '8260' },
  { municipality: 'Skanderborg', postcode: '8660' },
  { municipality: 'Favrskov', postcode: '8382' },
  { municipality: 'Syddjurs', postcode: '8400' },
  { municipality: 'Randers', postcode: '8900' },
] as const;

export interface IndustrySeed {
  industry: string;
  code: string;
  sector: 'PRIVATE' | 'PUBLIC';
  names: string[];
  seats: { function: string; tasks: string[] }[];
}

export const INDUSTRIES: IndustrySeed[] = [
  {
    industry: 'Lager og logistik',
    code: '52.10',
    sector: 'PRIVATE',
    names: ['Østjysk Lager A/S', 'Kattegat Logistik ApS', 'Hinnerup Fragt ApS'],
    seats: [
      { function: 'Lagermedhjælper', tasks: ['varemodtagelse', 'pluk og pak', 'truckkørsel'] },
      { function: 'Chaufførmedhjælper', tasks: ['læsning', 'ruteplanlægning'] },
    ],
  },
  {
    industry: 'Detailhandel',
    code: '47.11',
    sector: 'PRIVATE',
    names: ['Bytorvets Købmand', 'Jensens Supermarked A/S', 'Lystrup Brugs', 'Trøjborg Isenkram ApS'],
    seats: [
      { function: 'Butiksmedhjælper', tasks: ['kundeservice', 'varepåfyldning', 'kasse'] },
      { function: 'Lagermedhjælper i butik', tasks: ['varemodtagelse', 'oprydning'] },
    ],
  },
  {
    industry: 'Restaurant og kantine',
    code: '56.10',
    sector: 'PRIVATE',
    names: ['Havnens Kantine ApS', 'Café Møllestien', 'Kokkenes Køkken ApS'],
    seats: [
      { function: 'Køkkenmedhjælper', tasks: ['madlavning', 'opvask', 'rengøring'] },
      { function: 'Serveringsmedarbejder', tasks: ['kundeservice', 'servering'] },
    ],
  },
  {
    industry: 'Tømrer og byggeri',
    code: '43.32',
    sector: 'PRIVATE',
    names: ['Hansen Tømrer ApS', 'Brabrand Byg A/S', 'Egå Snedkeri ApS'],
    seats: [
      { function: 'Tømrerhåndlanger', tasks: ['opmåling', 'håndværk', 'oprydning på byggeplads'] },
      { function: 'Værkstedsmedhjælper', tasks: ['håndværk', 'vedligehold af værktøj'] },
    ],
  },
  {
    industry: 'Plejehjem og ældrepleje',
    code: '87.10',
    sector: 'PUBLIC',
    names: ['Plejecenter Solbakken', 'Plejehjemmet Lindegården', 'Aktivitetscenter Vestergade'],
    seats: [
      { function: 'Aktivitetsmedhjælper', tasks: ['aktiviteter med beboere', 'omsorg', 'madlavning'] },
      { function: 'Servicemedarbejder', tasks: ['rengøring', 'tøjvask', 'servering'] },
    ],
  },
  {
    industry: 'Gartneri og grønne områder',
    code: '81.30',
    sector: 'PRIVATE',
    names: ['Marselisborg Anlægsgartner ApS', 'Grøn Have Skanderborg', 'Djurslands Planteskole'],
    seats: [{ function: 'Gartnermedhjælper', tasks: ['plantning', 'græsslåning', 'maskinpasning'] }],
  },
  {
    industry: 'Metal og produktion',
    code: '25.62',
    sector: 'PRIVATE',
    names: ['Randers Metal A/S', 'Viby Maskinfabrik ApS', 'Østjysk Stål ApS'],
    seats: [
      { function: 'Produktionsmedarbejder', tasks: ['montage', 'kvalitetskontrol', 'maskinpasning'] },
      { function: 'Svejsermedhjælper', tasks: ['svejsning', 'slibning'] },
    ],
  },
  {
    industry: 'Rengøring og ejendomsservice',
    code: '81.21',
    sector: 'PRIVATE',
    names: ['Skinnende Rent ApS', 'Ejendomsservice Midt A/S'],
    seats: [{ function: 'Rengøringsassistent', tasks: ['rengøring', 'vinduespudsning'] }],
  },
  {
    industry: 'Kontor og administration',
    code: '82.11',
    sector: 'PUBLIC',
    names: ['Borgerservice Aarhus Nord', 'Skanderborg Kommune, Teknik og Miljø'],
    seats: [{ function: 'Kontormedhjælper', tasks: ['scanning og arkiv', 'kundeservice', 'post'] }],
  },
  {
    industry: 'Bilværksted og mekanik',
    code: '45.20',
    sector: 'PRIVATE',
    names: ['Lystrup Autoværksted ApS', 'Randers Dæk og Service', 'Mekanikeren i Hinnerup'],
    seats: [{ function: 'Værkstedsmedhjælper', tasks: ['dækskift', 'klargøring af biler', 'oprydning'] }],
  },
];

export const FIRST_NAMES = [
  'Mette',
  'Lars',
  'Anne',
  'Jens',
  'Susanne',
  'Peter',
  'Hanne',
  'Michael',
  'Lone',
  'Søren',
  'Camilla',
  'Thomas',
  'Maria',
  'Rasmus',
  'Louise',
  'Mads',
  'Sofie',
  'Ahmad',
  'Fatima',
  'Jonas',
  'Pia',
  'Kasper',
  'Birgitte',
  'Ali',
];
export const LAST_NAMES = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Hussein',
  'Yilmaz',
];

export const COMPETENCES = [
  'kundeservice',
  'truckcertifikat',
  'varemodtagelse',
  'madlavning',
  'rengøring',
  'håndværk',
  'montage',
  'omsorg',
  'plantning',
  'kasse',
  'svejsning',
  'scanning og arkiv',
  'dækskift',
  'servering',
  'pluk og pak',
];
export const WISHES = [
  'lager',
  'detailhandel',
  'køkken',
  'byggeri',
  'ældrepleje',
  'gartneri',
  'produktion',
  'rengøring',
  'kontor',
  'mekanik',
];

export const CONSULTANTS = ['Karin Vestergaard', 'Ole Bach', 'Nanna Holm', 'Jakob Lund'];
export const CASEWORKERS = ['sagsbehandler.anna', 'sagsbehandler.bo', 'sagsbehandler.cecilie', 'sagsbehandler.dan'];
