import type { Topic } from './roster.ts';

/**
 * What is said in demo calls, per topic and language. `oriented` flows work for the customer's outcome
 * (find the need, take ownership, anticipate, say what happens when); `scripted` flows stay inside the
 * script and send the customer elsewhere. Lines alternate agent, customer, agent… starting with the agent.
 * Placeholders: {agent} {company} {cust} {date} {num} {num2} {amount} {amount2} {amount3}.
 */
export type Lang = 'nl' | 'en';
export type TopicLines = { ask: string[]; oriented: string[][]; scripted: string[][] };

export const TOPIC_LINES: Record<Lang, Record<Topic, TopicLines>> = {
  nl: {
    meter: {
      ask: [
        'Ik kreeg een brief dat mijn meterstanden ontbreken, maar ik heb ze vorige week via de website doorgegeven.',
        'Ik heb een schatting van mijn verbruik gekregen die veel te hoog is. Ik heb gewoon standen doorgegeven.'
      ],
      oriented: [
        [
          'Ik zie inderdaad dat de standen van {date} niet zijn verwerkt. Heeft u ze nog bij de hand? Dan voer ik ze nu direct in.',
          'Ik zie het. Uw standen zijn niet aangekomen. Heeft u ze bij de hand? Dan zet ik ze er meteen in.'
        ],
        ['Ja, elektriciteit is {num} en gas is {num2}.'],
        [
          'Dank u. Ze staan erin en de schatting is ingetrokken. Ik zie ook dat uw slimme meter al maanden niets doorstuurt, dat is waarschijnlijk de oorzaak. Ik maak een melding bij de netbeheerder en bel u vrijdag terug.'
        ],
        ['Oh, fijn. Dan hoef ik daar niet zelf achteraan.'],
        ['Nee, dat pak ik op. Binnen vijf werkdagen krijgt u een nieuwe afrekening met de juiste standen.']
      ],
      scripted: [
        ['Meterstanden kunt u doorgeven via Mijn {company} op de website of in de app.'],
        ['Dat heb ik al gedaan, maar het is blijkbaar niet aangekomen.'],
        ['Dan adviseer ik u ze nog een keer door te geven via de website. Lukt dat niet, dan kunt u het contactformulier invullen.'],
        ['Kunt u ze niet gewoon nu noteren? Ik heb ze hier liggen.'],
        ['Helaas kan ik in mijn systeem geen standen invoeren. Dat gaat via de website.'],
        ['Hm. Goed dan, ik probeer het nog een keer.']
      ]
    },
    invoice: {
      ask: [
        'Mijn termijnbedrag is ineens verhoogd van {amount} naar {amount2} euro en ik begrijp niet waarom.',
        'Ik heb een jaarafrekening gekregen waarop ik moet bijbetalen, en dat kan ik nu echt niet missen.'
      ],
      oriented: [
        ['Ik begrijp dat dat schrikt. Mag ik vragen: maakt u zich vooral zorgen om het bedrag per maand, of om het totaal?'],
        ['Allebei eigenlijk. Het is krap deze maanden.'],
        [
          'Dan kijk ik met u mee. Het komt door uw hogere verbruik sinds maart. Ik kan het termijnbedrag op {amount3} euro zetten en het verschil in een betalingsregeling verdelen, zonder rente.'
        ],
        ['Dat zou echt helpen.'],
        [
          'Dan zet ik dat nu klaar. U krijgt vandaag een bevestiging per e-mail, en ik zet een notitie dat we in januari samen opnieuw naar het bedrag kijken.'
        ]
      ],
      scripted: [
        ['Het termijnbedrag wordt automatisch berekend op basis van uw verwachte verbruik.'],
        ['Maar het is veel meer geworden. Kan het omlaag?'],
        ['U kunt het termijnbedrag zelf aanpassen in de app, binnen de grenzen die daar staan.'],
        ['En als ik het niet kan betalen?'],
        ['Dan kunt u een betalingsregeling aanvragen via het formulier op de website. Die worden binnen tien werkdagen behandeld.'],
        ['Tien werkdagen. Oké.']
      ]
    },
    move: {
      ask: [
        'Ik ga op {date} verhuizen en wil mijn energie meenemen naar het nieuwe adres.',
        'Wij verhuizen volgende maand. Hoe regel ik mijn stroom en gas?'
      ],
      oriented: [
        ['Gefeliciteerd met uw nieuwe huis. Weet u of er op het nieuwe adres gas is, of is het een woning zonder gas?'],
        ['Eh, goede vraag. Het is nieuwbouw, ik denk zonder gas.'],
        [
          'Dat klopt, daar is geen gasaansluiting. Dan zet ik alleen stroom over en stop ik het gas op uw oude adres per {date}, zodat u niet dubbel betaalt. Uw termijnbedrag pas ik meteen aan.'
        ],
        ['Dat wist ik niet eens. Wat moet ik nog doen?'],
        [
          'Alleen op de verhuisdag de meterstanden van het oude adres doorgeven. Ik stuur u vandaag een e-mail met een herinnering, en op de dag zelf krijgt u een sms.'
        ]
      ],
      scripted: [
        ['Voor een verhuizing vult u het verhuisformulier in op onze website, minimaal vijf werkdagen voor de verhuisdatum.'],
        ['Kan dat niet telefonisch? Ik heb u nu toch aan de lijn.'],
        ['Verhuizingen nemen wij alleen via het formulier aan, dan staat alles goed in het systeem.'],
        ['En het gas op het nieuwe adres? Ik weet niet eens of daar gas is.'],
        ['Dat kunt u navragen bij de netbeheerder.'],
        ['Oké. Dan zoek ik het zelf uit.']
      ]
    },
    outage: {
      ask: [
        'Mijn internet valt al drie dagen steeds weg, vooral in de avond. Ik werk thuis, dus dit is echt een probleem.',
        'Ik heb sinds gisteren geen internet en geen tv meer.'
      ],
      oriented: [
        [
          'Dat is lastig als u thuiswerkt. Ik doe nu een meting op uw lijn. Ik zie veel storing tussen de straatkast en uw modem, dus het ligt niet aan uw wifi.'
        ],
        ['Oh. Wat nu?'],
        [
          'Ik plan een monteur in, de eerste plek is donderdag tussen acht en een. En omdat u thuiswerkt, zet ik vandaag gratis tien gigabyte extra op uw mobiel, zodat u kunt blijven werken tot het is opgelost.'
        ],
        ['Echt? Dat scheelt enorm.'],
        ['U krijgt een sms met de afspraak, en ik bel vrijdag zelf even na of de verbinding stabiel is.']
      ],
      scripted: [
        ['Heeft u het modem al opnieuw opgestart? Haal de stekker er dertig seconden uit.'],
        ['Ja, al een paar keer. Dat helpt een uurtje en dan valt het weer weg.'],
        ['Dan adviseer ik u de fabrieksinstellingen terug te zetten met het knopje achterop.'],
        ['Dan ben ik al mijn instellingen kwijt. Kan er geen monteur komen?'],
        ['Een monteur kan ik pas inplannen als alle stappen van de storingshulp op de website zijn doorlopen.'],
        ['Dus ik moet nog een keer bellen als het niet werkt?'],
        ['Ja, dan kunnen we verder kijken.']
      ]
    },
    contract: {
      ask: [
        'Mijn contract loopt volgende maand af en ik heb een aanbieding van een andere provider. Wat kunnen jullie doen?',
        'Ik betaal veel te veel voor mijn abonnement, volgens mij.'
      ],
      oriented: [
        ['Goed dat u eerst bij ons checkt. Hoe gebruikt u uw abonnement, vooral internet of ook veel bellen?'],
        ['Vooral internet. En mijn dochter heeft ook een abonnement bij jullie.'],
        [
          'Dan betaalt u nu voor onbeperkt bellen dat u nauwelijks gebruikt. Als ik uw twee abonnementen combineer in een gezinsbundel, gaat u van {amount} naar {amount3} euro per maand samen, maandelijks opzegbaar.'
        ],
        ['Dat is goedkoper dan die aanbieding.'],
        [
          'Ik zet het klaar per de einddatum van uw contract, dus tot dan verandert er niets. U krijgt vandaag de bevestiging per e-mail, en uw dochter hoeft niets te doen.'
        ]
      ],
      scripted: [
        ['Ik kan u ons verlengingsaanbod geven: hetzelfde abonnement voor twee jaar, met vijf procent korting.'],
        ['Die andere provider is veel goedkoper. Kan er niet iets anders?'],
        ['De aanbiedingen die ik kan doen staan vast in het systeem. Dit is het verlengingsaanbod.'],
        ['En als ik overstap naar een kleiner abonnement?'],
        ['Dat kan via Mijn {company}, onder abonnement wijzigen.'],
        ['Oké. Dan ga ik erover nadenken.']
      ]
    },
    roaming: {
      ask: [
        'Ik ben in Turkije en ik kan niet bellen of internetten, terwijl ik dat voor vertrek heb gecheckt.',
        'Ik ga volgende week naar Marokko. Werkt mijn telefoon daar?'
      ],
      oriented: [
        [
          'Vervelend, zeker op reis. Roaming buiten Europa staat op uw nummer standaard uit. Ik zet het nu aan. Wilt u uw telefoon even herstarten?'
        ],
        ['Oké. Ja, ik heb nu bereik.'],
        [
          'Mooi. Let op: dat land valt buiten de Europese bundel, dus data is daar duur. Ik raad u een wereldbundel van een gigabyte aan voor tien euro. Die zet ik nu aan als u wilt, dan krijgt u geen verrassing op de rekening.'
        ],
        ['Ja graag, dat wist ik niet.'],
        ['Gedaan. U krijgt een sms als de bundel voor tachtig procent op is.']
      ],
      scripted: [
        ['Controleer of dataroaming aan staat in de instellingen van uw telefoon.'],
        ['Dat staat aan. Het werkt gewoon niet.'],
        ['De roamingvoorwaarden per land vindt u op onze website, onder buitenland.'],
        ['Maar ik heb geen internet. Hoe moet ik dan op de website kijken?'],
        ['Dan raad ik u aan wifi te gebruiken, bijvoorbeeld in uw hotel.'],
        ['Goed. Ik probeer het vanavond.']
      ]
    },
    claim: {
      ask: [
        'Er is gisteren bij de storm een boom op mijn schuur gevallen en het dak is kapot. Ik wil schade melden.',
        'Ik heb een aanrijding gehad op de parkeerplaats en wil dat melden.'
      ],
      oriented: [
        ['Wat vervelend. Is er nu nog gevaar, of komt er regen naar binnen?'],
        ['Ja, het regent erin, en mijn fiets en gereedschap staan daar.'],
        [
          "Dan regelen we eerst dat het droog wordt. U mag een noodreparatie laten doen, die kosten vallen onder uw polis. Maak wel eerst foto's. Ik stuur u een lijst met bedrijven in de buurt."
        ],
        ['Oh, dat mag dus al? Ik dacht dat ik op een expert moest wachten.'],
        [
          'Voor de noodreparatie niet. De melding staat erin met nummer S {num}. Een expert belt u binnen twee werkdagen, en ik noteer dat ook de fiets en het gereedschap meegenomen moeten worden.'
        ]
      ],
      scripted: [
        ["Een schademelding doet u via het online schadeformulier. Daar kunt u ook foto's uploaden."],
        ['Oké, maar er is nu direct iets aan de hand. Wat moet ik doen?'],
        ['De schade wordt beoordeeld zodra het formulier binnen is. Daarna neemt een schadebehandelaar contact met u op.'],
        ['Mag ik het al laten maken?'],
        ['Dat kan ik niet voor u beoordelen. Dat bekijkt de schadebehandelaar.'],
        ['Dus ik moet gewoon wachten.']
      ]
    },
    coverage: {
      ask: [
        'Mijn zoon gaat een half jaar in het buitenland studeren. Is hij dan nog verzekerd via onze polis?',
        'Ik ga een dure fiets kopen. Valt die onder mijn inboedelverzekering?'
      ],
      oriented: [
        ['Goed om dat van tevoren te vragen. Waar gaat het om precies, en wat neemt hij mee?'],
        ['Naar Canada, met zijn laptop.'],
        [
          'Uw reisverzekering dekt maximaal negentig dagen per reis, dus een half jaar valt erbuiten. Ik kan een doorlopende studentenverzekering afsluiten, inclusief laptop, voor {amount3} euro per maand. En ik stuur u informatie over ziektekosten in Canada, want daar schiet de basisverzekering vaak tekort.'
        ],
        ['Fijn dat u dat zegt, daar had ik niet aan gedacht.'],
        ['U krijgt vandaag een offerte per e-mail. Accepteert u die binnen een week, dan gaat de dekking in op de vertrekdatum.']
      ],
      scripted: [
        ['De voorwaarden van uw polis staan in Mijn {company}, onder documenten.'],
        ['Ja, maar dat vind ik lastig te lezen. Is het nu verzekerd of niet?'],
        ['Ik mag geen advies geven over individuele situaties. In de voorwaarden staat wat er gedekt is.'],
        ['Dus u weet het ook niet?'],
        ['U kunt contact opnemen met een adviseur via het contactformulier.'],
        ['Oké. Dan doe ik dat wel.']
      ]
    }
  },
  en: {
    meter: {
      ask: ['I got a letter saying my meter readings are missing, but I sent them through the website last week.'],
      oriented: [
        ['I can see the readings from {date} were not processed. Do you have them at hand? Then I will enter them right now.'],
        ['Yes. Electricity is {num} and gas is {num2}.'],
        [
          'Thank you. They are in, and the estimate is cancelled. I also see your smart meter has not sent anything for months, which is probably the cause. I will report it to the grid operator and call you back on Friday.'
        ],
        ['Oh, great. So I do not have to chase that myself.'],
        ['No, I will take care of it. Within five working days you will get a corrected statement.']
      ],
      scripted: [
        ['You can submit meter readings through My {company} on the website or in the app.'],
        ['I already did that, but apparently it did not arrive.'],
        ['Then I advise you to submit them again on the website. If that fails, you can use the contact form.'],
        ['Can you not just write them down now? I have them right here.'],
        ['Unfortunately I cannot enter readings in my system. That goes through the website.'],
        ['Fine. I will try again.']
      ]
    },
    invoice: {
      ask: ['My monthly payment suddenly went up from {amount} to {amount2} euros and I do not understand why.'],
      oriented: [
        ['I understand that is a shock. May I ask, are you mostly worried about the monthly amount, or about the total?'],
        ['Both, really. Money is tight these months.'],
        [
          'Then let us look at it together. It comes from your higher usage since March. I can set the monthly amount to {amount3} euros and spread the difference over a payment plan, without interest.'
        ],
        ['That would really help.'],
        [
          'I am setting that up now. You will get a confirmation by email today, and I am adding a note that we review the amount together in January.'
        ]
      ],
      scripted: [
        ['The monthly amount is calculated automatically from your expected usage.'],
        ['But it is a lot more now. Can it go down?'],
        ['You can adjust the amount yourself in the app, within the limits shown there.'],
        ['And if I cannot pay it?'],
        ['Then you can request a payment plan with the form on the website. Requests are handled within ten working days.'],
        ['Ten working days. Okay.']
      ]
    },
    move: {
      ask: ['I am moving on {date} and I want to take my energy contract to the new address.'],
      oriented: [
        ['Congratulations on your new home. Do you know whether the new address has gas, or is it all electric?'],
        ['Good question. It is a new build, I think without gas.'],
        [
          'That is right, there is no gas connection there. So I will move only electricity and stop the gas at your old address on {date}, so you do not pay twice. I will adjust your monthly amount right away.'
        ],
        ['I did not even know that. What do I still need to do?'],
        [
          'Only send the meter readings of the old address on moving day. I will email you a reminder today, and you will get a text message on the day itself.'
        ]
      ],
      scripted: [
        ['For a move, please fill in the moving form on our website, at least five working days before the moving date.'],
        ['Can we not do it by phone? I have you on the line now.'],
        ['We only accept moves through the form, so everything is correct in the system.'],
        ['And the gas at the new address? I do not even know if there is gas.'],
        ['You can ask the grid operator about that.'],
        ['Okay. I will figure it out myself.']
      ]
    },
    outage: {
      ask: ['My internet has been dropping for three days, mostly in the evening. I work from home, so this is a real problem.'],
      oriented: [
        [
          'That is difficult when you work from home. I am running a line test now. I see a lot of noise between the street cabinet and your modem, so it is not your wifi.'
        ],
        ['Oh. What now?'],
        [
          'I am booking an engineer, the first slot is Thursday between eight and one. And because you work from home, I am adding ten gigabytes to your mobile for free today, so you can keep working until it is fixed.'
        ],
        ['Really? That helps a lot.'],
        ['You will get a text with the appointment, and I will call you on Friday to check the connection is stable.']
      ],
      scripted: [
        ['Have you restarted the modem? Unplug it for thirty seconds.'],
        ['Yes, several times. It helps for an hour and then it drops again.'],
        ['Then I advise you to reset it to factory settings with the button on the back.'],
        ['Then I lose all my settings. Can an engineer not come?'],
        ['I can only book an engineer once all steps of the troubleshooting guide on the website are done.'],
        ['So I have to call again if it does not work?'],
        ['Yes, then we can look further.']
      ]
    },
    contract: {
      ask: ['My contract ends next month and another provider made me an offer. What can you do?'],
      oriented: [
        ['Good that you check with us first. How do you use your subscription, mostly data or also a lot of calls?'],
        ['Mostly data. My daughter also has a subscription with you.'],
        [
          'Then you now pay for unlimited calls you hardly use. If I combine your two subscriptions in a family bundle, you go from {amount} to {amount3} euros a month together, cancellable monthly.'
        ],
        ['That is cheaper than the other offer.'],
        [
          'I will set it up for the end date of your contract, so nothing changes until then. You get the confirmation by email today, and your daughter does not need to do anything.'
        ]
      ],
      scripted: [
        ['I can offer you our renewal deal: the same subscription for two years, with five percent discount.'],
        ['The other provider is much cheaper. Is there nothing else?'],
        ['The offers I can make are fixed in the system. This is the renewal offer.'],
        ['And if I switch to a smaller subscription?'],
        ['You can do that in My {company}, under change subscription.'],
        ['Okay. I will think about it.']
      ]
    },
    roaming: {
      ask: ['I am in Turkey and I cannot call or use data, even though I checked before I left.'],
      oriented: [
        [
          'Annoying, especially when travelling. Roaming outside Europe is off by default on your number. I am switching it on now. Could you restart your phone?'
        ],
        ['Okay. Yes, I have signal now.'],
        [
          'Good. Note that this country is outside the European bundle, so data is expensive there. I recommend a world bundle of one gigabyte for ten euros. I can switch it on now, so you get no surprise on your bill.'
        ],
        ['Yes please, I did not know that.'],
        ['Done. You will get a text when eighty percent of the bundle is used.']
      ],
      scripted: [
        ['Please check that data roaming is on in your phone settings.'],
        ['It is on. It just does not work.'],
        ['You can find the roaming conditions per country on our website, under abroad.'],
        ['But I have no internet. How do I look at the website?'],
        ['Then I suggest you use wifi, for example in your hotel.'],
        ['Fine. I will try tonight.']
      ]
    },
    claim: {
      ask: ['During the storm yesterday a tree fell on my shed and the roof is broken. I want to report the damage.'],
      oriented: [
        ['How annoying. Is there any danger now, or is rain getting in?'],
        ['Yes, it is raining in, and my bike and tools are in there.'],
        [
          'Then first we make sure it stays dry. You may have an emergency repair done, those costs are covered by your policy. Do take photos first. I will send you a list of contractors nearby.'
        ],
        ['Oh, that is allowed already? I thought I had to wait for an assessor.'],
        [
          'Not for the emergency repair. Your claim is registered with number S {num}. An assessor will call you within two working days, and I am noting that the bike and tools should be included.'
        ]
      ],
      scripted: [
        ['You can report damage with the online claim form. You can upload photos there as well.'],
        ['Okay, but it is urgent now. What should I do?'],
        ['The damage is assessed once the form is in. After that a claims handler will contact you.'],
        ['May I have it repaired already?'],
        ['I cannot judge that for you. The claims handler will look at it.'],
        ['So I just have to wait.']
      ]
    },
    coverage: {
      ask: ['My son is going to study abroad for six months. Is he still covered by our policy?'],
      oriented: [
        ['Good to ask beforehand. Where is he going, and what is he taking with him?'],
        ['To Canada, with his laptop.'],
        [
          'Your travel insurance covers at most ninety days per trip, so six months is outside it. I can set up a student travel policy including the laptop for {amount3} euros a month. I will also send you information on medical costs in Canada, because basic health insurance often falls short there.'
        ],
        ['Good that you mention it, I had not thought of that.'],
        ['You will get a quote by email today. If you accept it within a week, cover starts on the departure date.']
      ],
      scripted: [
        ['The conditions of your policy are in My {company}, under documents.'],
        ['Yes, but I find them hard to read. Is he covered or not?'],
        ['I am not allowed to advise on individual situations. The conditions state what is covered.'],
        ['So you do not know either?'],
        ['You can contact an adviser through the contact form.'],
        ['Okay. I will do that then.']
      ]
    }
  }
};

/** Opening, verification and closing lines, by friendliness and orientation. */
export const FRAME = {
  nl: {
    greetFriendly: [
      'Goedemorgen, u spreekt met {agent} van {company}. Waarmee kan ik u helpen?',
      'Goedemiddag, welkom bij {company}, u spreekt met {agent}. Wat kan ik voor u doen?'
    ],
    greetCurt: ['{company}, zegt u het maar.', 'Met {agent}, {company}.'],
    custIntro: ['Goedemorgen, u spreekt met {cust}.', 'Hallo, met {cust}.'],
    verifyFriendly: ['Vervelend om te horen, {cust}. Ik kijk het graag voor u na. Mag ik voor de zekerheid uw postcode en huisnummer?'],
    verifyCurt: ['Postcode en huisnummer.', 'Wat is uw klantnummer?'],
    verifyAnswer: ['{postcode}, nummer {house}.', 'Mijn klantnummer is {num}.'],
    ackFriendly: ['Dank u wel, {cust}. Ik heb uw gegevens erbij.'],
    ackCurt: ['Ja.', 'Oké.'],
    wrapOriented: ['Kan ik verder nog iets voor u doen?', 'Is er verder nog iets waar ik u mee kan helpen?'],
    custThanksHappy: ['Nee, dit was heel fijn. Bedankt.', 'Nee, u heeft me echt geholpen.'],
    custThanksFlat: ['Nee, dat was het.', 'Nee. Nou ja, bedankt.'],
    closeFriendly: ['Graag gedaan, {cust}. Nog een fijne dag en bedankt voor het bellen.'],
    closeCurt: ['Oké. Dag.', 'Goed, dag.']
  },
  en: {
    greetFriendly: ['Good morning, you are speaking with {agent} from {company}. How can I help you?'],
    greetCurt: ['{company}, go ahead.', '{agent}, {company}.'],
    custIntro: ['Hello, this is {cust}.'],
    verifyFriendly: ['Sorry to hear that, {cust}. I will gladly look into it. Could I have your postcode and house number, to be sure?'],
    verifyCurt: ['Postcode and house number.', 'Customer number?'],
    verifyAnswer: ['{postcode}, number {house}.', 'It is {num}.'],
    ackFriendly: ['Thank you, {cust}. I have your details.'],
    ackCurt: ['Right.', 'Okay.'],
    wrapOriented: ['Is there anything else I can do for you?'],
    custThanksHappy: ['No, this was really helpful. Thank you.'],
    custThanksFlat: ['No, that was it.', 'No. Well, thanks.'],
    closeFriendly: ['You are welcome, {cust}. Have a nice day and thank you for calling.'],
    closeCurt: ['Okay. Bye.', 'Right, bye.']
  }
} satisfies Record<Lang, Record<string, string[]>>;
