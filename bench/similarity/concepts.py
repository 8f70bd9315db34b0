"""Hand-written staff ideas, each told twice by different people in different words.

Each entry is (topic, officer, frontline): the same idea as a formal officer might put it
and as a blunt frontline worker might. `make_pairs.py` styles them further (long-winded
padding, typos, reordered sentences) and writes `pairs.jsonl`.
"""

CONCEPTS: list[tuple[str, str, str]] = [
    # Children and families
    (
        "children",
        "Introduce a single digital referral form for early help so that schools, health "
        "visitors and the police submit concerns in one consistent format.",
        "Every agency sends us worries about kids differently - emails, phone calls, faxes "
        "from the GP. Give them one online form to fill in.",
    ),
    (
        "children",
        "Offer foster carers an out-of-hours support line staffed by experienced social "
        "workers, to reduce placement breakdowns that occur at evenings and weekends.",
        "Foster parents ring in a panic at 10pm on a Saturday and there's nobody to talk to. "
        "Placements fall apart because of it. We need someone on call for them.",
    ),
    (
        "children",
        "Provide care leavers with a named personal adviser from age 16 rather than 18 to "
        "improve continuity during the transition to independent living.",
        "Young people leaving care only meet their PA at 18, right when everything changes. "
        "Let them meet that person at 16 so it's not a stranger.",
    ),
    (
        "children",
        "Publish school admissions offer day outcomes by text message as well as email to "
        "reach parents without reliable internet access.",
        "Loads of mums and dads don't check email. Send the secondary school place result "
        "by SMS on offer day too.",
    ),
    (
        "children",
        "Co-locate children's centre sessions in primary schools to increase attendance by "
        "families who do not travel to the existing centres.",
        "Families won't take two buses to get to the children's centre. Run the stay and play "
        "groups inside the local primary instead, where they already drop off.",
    ),
    (
        "children",
        "Digitise education, health and care plan annual reviews so that contributions from "
        "professionals are collected in one shared document before the meeting.",
        "EHCP reviews are a nightmare, reports turn up on the day or never. Have everyone "
        "type their bit into one shared doc beforehand.",
    ),
    (
        "children",
        "Establish a holiday activities programme with free meals for children eligible for "
        "free school meals during the summer break.",
        "Kids on free dinners go hungry over the six weeks holiday. Put on summer clubs with "
        "lunch included.",
    ),
    (
        "children",
        "Reduce repeat social work assessments by sharing completed family assessments "
        "with partner agencies, subject to consent.",
        "Families get asked the same questions four times by four different agencies. Share "
        "the assessment we've already done (with their ok).",
    ),
    (
        "children",
        "Create a peer mentoring scheme in which experienced social workers mentor newly "
        "qualified staff during their assessed first year.",
        "New social workers get chucked in the deep end and quit. Buddy them up with someone "
        "who's been doing it years for their first year in practice.",
    ),
    (
        "children",
        "Develop an online directory of childminders with live vacancy information so "
        "parents can identify available places more easily.",
        "Parents phone round twenty childminders to find a space. Make a web list that shows "
        "who actually has room right now.",
    ),
    (
        "children",
        "Provide school transport escorts with training in managing the needs of pupils "
        "with autism to improve the safety and experience of journeys.",
        "Our passenger assistants on the SEN taxis have had no autism training at all and "
        "some journeys are awful for the children. Train them.",
    ),
    (
        "children",
        "Introduce a streamlined process for families applying for free school meals, using "
        "data already held through housing benefit and council tax support.",
        "We already know who gets housing benefit. Why make them apply separately for free "
        "school dinners? Just sign them up automatically from our own records.",
    ),
    (
        "children",
        "Hold child protection conferences at times that fit around parents' working hours, "
        "including early evening slots.",
        "Conferences are always 10am on a weekday so working parents have to take unpaid time "
        "off or miss them. Do some after five.",
    ),
    (
        "children",
        "Give young carers a recognised identification card so that pharmacies, schools and "
        "GP practices acknowledge their caring role.",
        "Teenagers looking after a poorly parent get turned away at the chemist when picking "
        "up prescriptions. Give them an ID card that proves they're a young carer.",
    ),
    (
        "children",
        "Expand the number of in-house foster placements to reduce reliance on costly "
        "independent fostering agencies.",
        "We pay agencies a fortune for foster placements. Recruit more of our own carers "
        "and save the money.",
    ),
    # Jobs and skills
    (
        "jobs and skills",
        "Offer guaranteed interviews for council apprenticeships to local care leavers who "
        "meet the minimum criteria.",
        "Kids coming out of care should get an interview for our apprentice jobs automatically "
        "if they tick the basic boxes.",
    ),
    (
        "jobs and skills",
        "Run employability workshops in libraries covering CV writing, interview practice and "
        "online job applications for unemployed residents.",
        "People out of work don't know how to write a CV or apply online. Do sessions in the "
        "library to help them.",
    ),
    (
        "jobs and skills",
        "Include a local employment and skills clause in major construction contracts, "
        "requiring contractors to recruit apprentices from the borough.",
        "When builders win big council contracts make them take on local lads and lasses as "
        "apprentices. Write it into the contract.",
    ),
    (
        "jobs and skills",
        "Create a work experience programme across council departments for Year 10 pupils "
        "from local secondary schools.",
        "Teenagers at the local high schools can't find placements. We've got hundreds of "
        "teams - give them a week's experience with us.",
    ),
    (
        "jobs and skills",
        "Fund English for speakers of other languages classes with a vocational focus to help "
        "recently arrived residents enter employment.",
        "New arrivals can't get jobs because their English isn't there yet. Run ESOL that "
        "teaches work words, not just the basics.",
    ),
    (
        "jobs and skills",
        "Establish a digital skills bus that visits estates to provide basic computer "
        "training to residents who are not online.",
        "Lots of people on the estates have never used a computer. Kit out a van with laptops "
        "and drive it round to teach them.",
    ),
    (
        "jobs and skills",
        "Promote the council's own vacancies through job centres and community groups, "
        "rather than only on the corporate website.",
        "Nobody local sees our job adverts cos they're buried on our website. Put them up at "
        "the job centre and community centres.",
    ),
    (
        "jobs and skills",
        "Remove the requirement for a degree from council job descriptions where it is not "
        "essential to the role.",
        "Loads of our jobs ask for a degree for no reason. Scrap that where you don't actually "
        "need one, it shuts out good people.",
    ),
    (
        "jobs and skills",
        "Provide supported internships for young people with learning disabilities within "
        "council services such as parks and catering.",
        "Young adults with learning difficulties could do great in our cafes and parks teams "
        "with a job coach. Give them internship placements.",
    ),
    (
        "jobs and skills",
        "Use the apprenticeship levy more fully by transferring unspent funds to local small "
        "businesses to train their staff.",
        "We send levy money back unspent every year. Give it to small firms round here so "
        "they can train up their people instead.",
    ),
    (
        "jobs and skills",
        "Hold jobs fairs in partnership with local employers in each neighbourhood twice a year.",
        "Get local bosses in a hall and let residents meet them face to face. Do it in every "
        "area a couple of times a year.",
    ),
    (
        "jobs and skills",
        "Offer paid pre-employment training for the council's care worker roles to address "
        "recruitment shortages in home care.",
        "We can't get enough carers. Pay people while they train up so they can afford to "
        "take the job in the first place.",
    ),
    (
        "jobs and skills",
        "Provide childcare support for parents attending adult learning courses, enabling "
        "more residents to return to education.",
        "Mums can't come to the college courses because who'd mind the kids? Put on a creche "
        "or pay for childcare during classes.",
    ),
    (
        "jobs and skills",
        "Create a retraining programme for older workers facing redundancy from declining "
        "local industries.",
        "Blokes in their fifties losing jobs at the factory have nowhere to go. Help them "
        "retrain for something else before they're finished.",
    ),
    (
        "jobs and skills",
        "Track outcomes of employment support programmes for twelve months after a resident "
        "starts work, to evaluate sustained employment.",
        "We count people as a success the day they start a job but half are out again in a "
        "month. Follow up for a year to see if it sticks.",
    ),
    # Housing
    (
        "housing",
        "Introduce a proactive damp and mould inspection programme for council homes, "
        "prioritising properties with vulnerable occupants.",
        "Don't wait for tenants to report black mould - go round and check the flats, "
        "especially where there's babies or old folk.",
    ),
    (
        "housing",
        "Allow tenants to book repair appointments online with a choice of morning or "
        "afternoon time slots.",
        "Tenants wait in all day for the repairs man. Let them pick AM or PM slots on the "
        "website themselves.",
    ),
    (
        "housing",
        "Reduce void turnaround times by carrying out pre-termination inspections before a "
        "tenant leaves the property.",
        "Empty flats sit there for weeks because we only look at them once the keys are "
        "handed back. Inspect before the old tenant moves out.",
    ),
    (
        "housing",
        "Send a text message the day before a repair appointment with the operative's name "
        "and an option to rearrange.",
        "Loads of no access on repair jobs. Text people the night before, say who's coming "
        "and let them change it.",
    ),
    (
        "housing",
        "Place homeless families in self-contained temporary accommodation within the borough "
        "instead of bed and breakfast hotels.",
        "Putting families with children in B&Bs miles away is awful and costs a bomb. Get "
        "proper self-contained flats locally for temp accommodation.",
    ),
    (
        "housing",
        "Create a single housing advice triage so that residents at risk of homelessness are "
        "seen within 48 hours of first contact.",
        "People facing eviction wait ages to see a housing options officer. Triage everyone "
        "and see them within two days.",
    ),
    (
        "housing",
        "Introduce a landlord incentive scheme offering deposits and rent guarantees to "
        "private landlords who house households nominated by the council.",
        "Private landlords won't touch people on benefits. Pay the deposit and guarantee the "
        "rent and they might take our clients.",
    ),
    (
        "housing",
        "Equip repair operatives with tablets showing job history so that repeat visits for "
        "the same fault can be identified.",
        "Our plumbers turn up with no idea someone was there last week for the same leak. "
        "Give them a tablet with the job history.",
    ),
    (
        "housing",
        "Review the housing allocations policy so that overcrowded households are assessed "
        "using the bedroom standard consistently.",
        "Overcrowding gets assessed differently depending who you get. Use the bedroom "
        "standard every time so it's fair.",
    ),
    (
        "housing",
        "Offer financial incentives to under-occupying tenants to downsize, freeing larger "
        "homes for overcrowded families.",
        "Older tenants rattling round in 3 bed houses would move to a smaller place if we "
        "paid removal costs and gave them a bit of cash. Frees up family houses.",
    ),
    (
        "housing",
        "Carry out annual tenancy visits to identify unauthorised occupation and support "
        "needs at an early stage.",
        "We never see some tenants from one decade to the next. Knock on every door once a "
        "year - you'd catch subletting and people struggling.",
    ),
    (
        "housing",
        "Streamline the disabled facilities grant process by allowing occupational therapists "
        "to approve minor adaptations directly.",
        "Grab rails and ramps take months because everything goes through the full grant "
        "process. Let the OT just sign off the small stuff.",
    ),
    (
        "housing",
        "Install smart sensors in council flats to monitor humidity and temperature, allowing "
        "early intervention before condensation problems develop.",
        "Stick little damp monitors in the flats so we get an alert when it's getting wet, "
        "instead of finding out when the walls are black.",
    ),
    (
        "housing",
        "Establish a rough sleeping outreach service operating early in the morning to "
        "engage people before they move on from their sleeping sites.",
        "Outreach goes out at ten when everyone's packed up and gone. Go at 6am when people "
        "are still in their doorways.",
    ),
    (
        "housing",
        "Provide tenants with a clear handbook at sign-up explaining responsibilities for "
        "repairs, rent and reporting problems.",
        "New tenants have no clue who fixes what or how to pay rent. Give them a simple "
        "booklet when they get the keys.",
    ),
    (
        "housing",
        "Improve communal area cleaning on estates by publishing cleaning schedules and "
        "inviting residents to rate the standard.",
        "Stairwells on the estate are filthy and nobody knows when the cleaners come. Put "
        "the rota up and let people score them.",
    ),
    (
        "housing",
        "Develop an early intervention protocol for rent arrears which offers money advice "
        "after the first missed payment rather than issuing legal notices.",
        "We send scary legal letters when tenants fall behind. Offer debt advice after the "
        "first missed rent instead, before it snowballs.",
    ),
    (
        "housing",
        "Bring empty private homes back into use by offering owners renovation loans in "
        "exchange for leasing the property to the council.",
        "Hundreds of houses are boarded up round here. Lend owners money to do them up if "
        "they let us rent them for homeless families.",
    ),
    # Health and adult social care
    (
        "health",
        "Establish a hospital discharge team that arranges home care packages before the "
        "patient is medically fit, reducing delayed transfers of care.",
        "Old people are stuck on wards for weeks waiting for a care package. Start sorting "
        "care before they're ready to go home.",
    ),
    (
        "health",
        "Provide social prescribing link workers in GP practices to connect isolated "
        "residents with community activities.",
        "GPs see lonely patients every day and just give them pills. Put someone in the "
        "surgery who can get them into clubs and groups.",
    ),
    (
        "health",
        "Introduce a falls prevention programme offering strength and balance classes to "
        "residents aged over 65.",
        "Pensioners keep falling and ending up in A&E. Run exercise classes for balance "
        "and leg strength to stop the falls.",
    ),
    (
        "health",
        "Offer carers' assessments online to make it easier for working carers to request support.",
        "People looking after a relative while holding down a job can't get to daytime "
        "appointments. Let them do their carer's assessment on the web.",
    ),
    (
        "health",
        "Use assistive technology such as sensors and video calls to enable adults with care "
        "needs to remain independent at home for longer.",
        "Gadgets like motion sensors and tablets could keep loads of people out of care "
        "homes. Use more tech in care packages.",
    ),
    (
        "health",
        "Reduce the time taken to complete Deprivation of Liberty Safeguards assessments by "
        "recruiting additional best interests assessors.",
        "There's a huge DoLS backlog. We need more BIAs, simple as that.",
    ),
    (
        "health",
        "Provide free flu vaccinations for all frontline care staff on site at their workplace.",
        "Carers never get round to their flu jab. Bring the nurse to the care homes and do "
        "it there for free.",
    ),
    (
        "health",
        "Create a dementia-friendly training module for all customer-facing council staff.",
        "Our front desk people don't know how to deal with someone with dementia who's "
        "confused. Teach them.",
    ),
    (
        "health",
        "Commission a mental health crisis café open in the evenings as an alternative to "
        "attending accident and emergency.",
        "People in a mental health crisis at night end up sat in A&E for hours. Open a "
        "drop-in safe space in the evenings instead.",
    ),
    (
        "health",
        "Allow home care workers to adjust visit times within agreed limits to respond to "
        "clients' changing needs.",
        "Carers have to stick to 15 minute slots even if the person's had a bad night. "
        "Trust them to shift the timings a bit.",
    ),
    (
        "health",
        "Introduce a trusted assessor model so that care home staff can assess residents for "
        "return from hospital without waiting for a separate assessment.",
        "Hospital won't let nan go back to her care home until someone from the home comes "
        "to assess her. Let one trusted person do it for both.",
    ),
    (
        "health",
        "Expand healthy weight services for children through school-based physical activity "
        "programmes.",
        "Childhood obesity is shocking round here. Get the kids moving more at school with "
        "proper sports and activity sessions.",
    ),
    (
        "health",
        "Offer stop smoking support in pharmacies and workplaces, extending beyond the "
        "current clinic-based service.",
        "Nobody goes to the quit smoking clinic. Do it in chemists and at work where people "
        "actually are.",
    ),
    (
        "health",
        "Introduce a single point of contact for adult social care enquiries to avoid "
        "residents being transferred between teams.",
        "Ring adult services and you get passed from pillar to post. One number, one person "
        "who sorts it.",
    ),
    (
        "health",
        "Pay home care providers for travel time between visits to improve staff retention "
        "in the domiciliary care workforce.",
        "Home carers aren't paid for driving between clients so they leave for Tesco. Pay "
        "the travel time.",
    ),
    (
        "health",
        "Provide respite breaks for unpaid carers through a bookable short-stay service.",
        "Family carers are on their knees. Give them a few days off now and again by having "
        "somewhere their person can stay.",
    ),
    (
        "health",
        "Use community pharmacies to deliver blood pressure checks for residents who do not "
        "regularly visit their GP.",
        "Loads of men never see a doctor. Get the chemist to do blood pressure tests so we "
        "catch it early.",
    ),
    (
        "health",
        "Reduce social isolation among older residents by funding intergenerational projects "
        "linking schools with care homes.",
        "Get school kids visiting the old people's homes. Both sides love it and the lonely "
        "residents perk right up.",
    ),
    # Waste and recycling
    (
        "waste",
        "Introduce a food waste collection service for flats, which are currently excluded "
        "from separate food waste recycling.",
        "If you live in a flat you can't recycle your food scraps, it all goes in the black "
        "bin. Give flats caddies too.",
    ),
    (
        "waste",
        "Fit in-cab technology to refuse vehicles so crews can report missed collections and "
        "blocked access in real time.",
        "Bin crews should be able to log 'car blocking the road' on a screen in the cab "
        "there and then, so the call centre knows why a street was missed.",
    ),
    (
        "waste",
        "Install CCTV cameras at fly-tipping hotspots and publicise enforcement action to "
        "deter illegal dumping.",
        "Same alleys get mattresses and sofas dumped every week. Put cameras up and shout "
        "about the fines.",
    ),
    (
        "waste",
        "Offer a same-week bulky waste collection slot bookable online.",
        "Waiting three weeks to get an old fridge taken is why people fly tip. Let them book "
        "a pickup on the website for the same week.",
    ),
    (
        "waste",
        "Run a recycling contamination campaign with bin tags explaining why a recycling bin "
        "was not emptied.",
        "We leave blue bins unemptied and people have no idea why. Stick a tag on saying what "
        "was wrong in it.",
    ),
    (
        "waste",
        "Replace litter bins in high footfall areas with solar-powered compacting bins that "
        "report when they are full.",
        "Town centre bins overflow by lunchtime. Get those solar squashing ones that text "
        "you when they're full.",
    ),
    (
        "waste",
        "Provide residents with a digital calendar reminder service for bin collection days, "
        "including changes during bank holidays.",
        "Everyone gets confused about which bin goes out when, especially after Christmas. "
        "Send reminders to people's phones.",
    ),
    (
        "waste",
        "Establish a reuse shop at the household waste recycling centre to resell usable "
        "furniture and electrical items.",
        "Perfectly good chairs and bikes get chucked in the skip at the tip. Open a little "
        "shop there and sell them on.",
    ),
    (
        "waste",
        "Optimise refuse collection rounds using route planning software to reduce mileage "
        "and fuel consumption.",
        "Our dustcarts go backwards and forwards across town. Use proper routing software "
        "and save diesel.",
    ),
    (
        "waste",
        "Introduce a garden waste subscription that can be paid by monthly direct debit.",
        "Forty quid in one go for the green bin is a lot for some people. Let them pay monthly.",
    ),
    (
        "waste",
        "Supply larger recycling containers to households of five or more people on request.",
        "Big families fill the recycling bin in two days. Let them ask for a bigger one.",
    ),
    (
        "waste",
        "Work with schools to deliver waste reduction education, encouraging pupils to take "
        "recycling habits home.",
        "Teach the kids about recycling at school and they'll nag their parents. Works "
        "better than leaflets.",
    ),
    (
        "waste",
        "Provide assisted collections for residents who are unable to move their bins to the "
        "kerbside due to disability or frailty.",
        "Some elderly and disabled people physically can't drag the wheelie bin out. Crews "
        "should collect it from their door.",
    ),
    (
        "waste",
        "Introduce commercial waste collection services for small businesses to generate "
        "income for the council.",
        "Shops pay private firms to take their rubbish. We've got the lorries already - "
        "sell them a trade waste service and make some money.",
    ),
    (
        "waste",
        "Hold community clean-up days with equipment loans for residents' associations.",
        "Residents would tidy up their own streets if we lent them litter pickers, bags and "
        "hi-vis. Do clean up days.",
    ),
    # Council tax, revenues and benefits
    (
        "council tax",
        "Offer residents the option of paying council tax in twelve monthly instalments "
        "rather than ten by default.",
        "Paying ctax over 10 months leaves people skint. Make 12 months the norm, not "
        "something you have to ask for.",
    ),
    (
        "council tax",
        "Send council tax reminders by email and text before legal recovery action begins, "
        "reducing the number of summonses issued.",
        "We go straight to court summons for people who just forgot. Ping them a text first.",
    ),
    (
        "council tax",
        "Allow single person discount applications to be completed online with automatic "
        "data matching against the electoral register.",
        "Living alone discount still needs a paper form posted in. Do it online and check it "
        "against the voters list automatically.",
    ),
    (
        "council tax",
        "Simplify the council tax support application by reducing the number of evidence "
        "documents required.",
        "The form to get help with council tax asks for a mountain of proof. Cut it down to "
        "what's actually needed.",
    ),
    (
        "council tax",
        "Provide a benefits calculator on the council website so residents can check their "
        "entitlement before applying.",
        "People don't know what they could claim. Stick a calculator on the site so they "
        "can check before they bother applying.",
    ),
    (
        "council tax",
        "Proactively contact residents likely to be eligible for pension credit to increase "
        "take-up of unclaimed benefits.",
        "Thousands of pensioners aren't claiming pension credit they're owed. We've got the "
        "data - write to them.",
    ),
    (
        "council tax",
        "Introduce a breathing space policy pausing council tax enforcement for residents "
        "engaging with debt advice.",
        "If someone's getting help with their debts, stop the bailiffs for a bit. Chasing "
        "them just makes it worse.",
    ),
    (
        "council tax",
        "Stop using enforcement agents for council tax arrears owed by households receiving "
        "council tax support.",
        "Sending bailiffs after the poorest families for council tax is cruel and doesn't "
        "even get the money back. Stop it.",
    ),
    (
        "council tax",
        "Process housing benefit changes of circumstances within five working days using "
        "automated data from the Department for Work and Pensions.",
        "Change of circs for HB sit in a queue for weeks. Use the DWP feeds and do them "
        "within a week.",
    ),
    (
        "council tax",
        "Review business rates relief for small charities to ensure all eligible "
        "organisations are receiving it.",
        "Lots of little charities are paying full business rates when they shouldn't. Check "
        "them all and give them the relief.",
    ),
    (
        "council tax",
        "Introduce paperless council tax bills as the default for residents who register an "
        "online account.",
        "Why are we still posting out paper bills to people who have an online account? "
        "Make e-billing the default.",
    ),
    (
        "council tax",
        "Offer a crisis support scheme that provides supermarket vouchers and energy top-ups "
        "within 24 hours of application.",
        "When people have no food or gas we make them wait a week. Emergency help should be "
        "same day - vouchers, meter top ups.",
    ),
    (
        "council tax",
        "Carry out a review of empty homes premium exemptions to identify properties "
        "incorrectly recorded as unoccupied.",
        "Plenty of houses are marked empty on our council tax records that definitely have "
        "people living in them. Do a sweep.",
    ),
    (
        "council tax",
        "Provide a dedicated council tax helpline for landlords managing multiple properties.",
        "Landlords with twenty flats ring the main line every time a tenant moves. Give them "
        "their own number and a bulk upload.",
    ),
    (
        "council tax",
        "Train revenue staff to recognise vulnerability and refer residents to support "
        "services during arrears conversations.",
        "When someone rings about their council tax debt and they're clearly not coping, "
        "our staff don't know where to send them. Teach them.",
    ),
    # HR and workforce
    (
        "HR",
        "Introduce a structured onboarding programme with a named buddy for every new "
        "starter during their first three months.",
        "New starters turn up and nobody's expecting them, no desk, no login. Give everyone "
        "a buddy and a proper first week plan.",
    ),
    (
        "HR",
        "Simplify the recruitment process by reducing the number of approval stages required "
        "to advertise a vacant post.",
        "It takes six sign-offs and two months just to advertise a job. Cut the red tape.",
    ),
    (
        "HR",
        "Offer flexible working patterns such as compressed hours to all roles where service "
        "delivery allows.",
        "Let people do four longer days instead of five if the job can cope. Loads of other "
        "employers do it.",
    ),
    (
        "HR",
        "Conduct exit interviews with all leavers and report themes quarterly to the "
        "management team.",
        "People leave and nobody asks why. Sit down with every leaver and actually tell the "
        "bosses what they said.",
    ),
    (
        "HR",
        "Provide mental health first aid training for managers to support staff wellbeing.",
        "Managers have no idea what to do when someone on their team is struggling with their "
        "mental health. Train some of them up as first aiders.",
    ),
    (
        "HR",
        "Replace annual appraisals with regular short check-in conversations between staff and "
        "their line managers.",
        "The yearly appraisal form is a box ticking waste of time. Just have a quick chat "
        "with your manager every month.",
    ),
    (
        "HR",
        "Publish clear career pathways for frontline roles showing the qualifications needed "
        "to progress.",
        "Nobody on the front line knows how to get promoted or what courses they'd need. "
        "Map it out for each job.",
    ),
    (
        "HR",
        "Automate the sickness absence reporting process so that managers are notified of "
        "return-to-work interviews due.",
        "Managers forget to do return to work chats after someone's been off ill. Have the "
        "system remind them.",
    ),
    (
        "HR",
        "Introduce a staff recognition scheme allowing colleagues to nominate each other for "
        "monthly awards.",
        "Nobody ever says thank you round here. Let us nominate workmates for a little award "
        "every month.",
    ),
    (
        "HR",
        "Extend the employee assistance programme to include face-to-face counselling.",
        "The staff helpline is just a phone number. Some people need to actually sit with a "
        "counsellor.",
    ),
    (
        "HR",
        "Provide menopause support including guidance for managers and adjustments to "
        "uniforms and workspaces.",
        "Women going through the menopause get zero support at work. Cooler uniforms, a fan, "
        "managers who understand.",
    ),
    (
        "HR",
        "Streamline the process for claiming mileage and expenses using a mobile app with "
        "receipt scanning.",
        "Doing my mileage claim takes forever with paper receipts. Let me photo them on my "
        "phone and submit.",
    ),
    (
        "HR",
        "Carry out a pay benchmarking exercise for hard-to-fill roles and introduce market "
        "supplements where justified.",
        "We can't hire surveyors or planners because neighbouring councils pay more. Check "
        "what others pay and top ours up.",
    ),
    (
        "HR",
        "Create a talent pool of redeployees and temporary staff to fill short-term gaps "
        "without recruiting agency workers.",
        "We pay agencies loads for temps when we've got our own people at risk of "
        "redundancy who could cover. Keep a list of them.",
    ),
    (
        "HR",
        "Allow staff to buy additional annual leave through salary sacrifice.",
        "Let us buy a few extra days holiday out of our wages. Lots of companies offer it.",
    ),
    # IT and digital
    (
        "IT",
        "Introduce single sign-on across council systems so that staff authenticate once per day.",
        "I have to type a different password for every system, about eight times a day. "
        "One login for everything please.",
    ),
    (
        "IT",
        "Replace aging laptops for frontline staff, prioritising devices that take longer than "
        "ten minutes to start up.",
        "My laptop takes a quarter of an hour to boot in the morning. Half the team are "
        "sitting there waiting. Get us new ones.",
    ),
    (
        "IT",
        "Provide mobile devices to social workers so case notes can be recorded during home "
        "visits.",
        "Social workers scribble notes at visits then type them up at night. Give them "
        "tablets to write up on the go.",
    ),
    (
        "IT",
        "Migrate paper records to a digital document management system to reduce storage costs.",
        "We pay for a warehouse full of old files. Scan them and bin the paper.",
    ),
    (
        "IT",
        "Establish a self-service password reset portal to reduce calls to the IT service desk.",
        "Half the calls to the helpdesk are people locked out. Let us reset our own passwords.",
    ),
    (
        "IT",
        "Improve Wi-Fi coverage in council buildings used for hybrid meetings.",
        "The wifi in the civic centre meeting rooms is hopeless, Teams calls drop all the "
        "time. Sort the signal out.",
    ),
    (
        "IT",
        "Rationalise the number of software applications by identifying and decommissioning "
        "systems with overlapping functionality.",
        "We pay for three different systems that do the same thing. Pick one and switch the "
        "others off.",
    ),
    (
        "IT",
        "Provide basic digital skills training for staff who are not confident using "
        "Microsoft 365.",
        "Loads of my colleagues don't know how to share a file in Teams or use OneDrive. "
        "Run some simple sessions on the Office stuff.",
    ),
    (
        "IT",
        "Introduce robotic process automation for repetitive data entry tasks in finance "
        "and revenues.",
        "I spend all day copying numbers from one screen to another. Get a bot to do it.",
    ),
    (
        "IT",
        "Develop a chatbot on the council website to answer common questions outside office hours.",
        "People want answers at 11pm. Put an automated chat thing on the site for the easy "
        "questions.",
    ),
    (
        "IT",
        "Ensure that new IT systems are tested with frontline users before procurement "
        "decisions are made.",
        "IT bought a new system that's useless for us on the ground. Let the people who'll "
        "use it try it out before you buy.",
    ),
    (
        "IT",
        "Enable staff to print securely from any council building using a follow-me printing "
        "solution.",
        "I can only print in my own office. Let me send it to any printer and pick it up "
        "with my pass wherever I am.",
    ),
    (
        "IT",
        "Publish council datasets as open data to support transparency and reduce freedom of "
        "information requests.",
        "We spend ages answering FOIs asking for the same spreadsheets. Just publish the data "
        "online.",
    ),
    (
        "IT",
        "Increase the mailbox storage limit for staff who must retain correspondence for "
        "statutory purposes.",
        "My inbox is full every week and I'm not allowed to delete legal stuff. Give us more "
        "email space.",
    ),
    (
        "IT",
        "Introduce a standard for accessible digital forms so that all online services meet "
        "WCAG requirements.",
        "Blind residents can't use half our online forms. Make every form work with screen "
        "readers.",
    ),
    # Libraries and culture
    (
        "libraries",
        "Extend library opening hours using staffless open access technology in the evenings "
        "and at weekends.",
        "Libraries shut at 5 when people finish work. Use that swipe card system so people "
        "can get in later with no staff.",
    ),
    (
        "libraries",
        "Abolish overdue fines for children's books to encourage families to continue borrowing.",
        "Kids stop coming because they owe 2 quid in late fees. Scrap fines on children's books.",
    ),
    (
        "libraries",
        "Offer a home library service delivering books to housebound residents.",
        "Old folk who can't get out miss the library. Drop books round to their houses.",
    ),
    (
        "libraries",
        "Lend laptops and Wi-Fi dongles from libraries to residents without internet access "
        "at home.",
        "Let people borrow a laptop and a mobile hotspot like they'd borrow a book. Loads of "
        "families have no internet.",
    ),
    (
        "libraries",
        "Provide meeting rooms in libraries for community groups free of charge during "
        "off-peak times.",
        "Library rooms sit empty most mornings. Let local groups use them for nothing.",
    ),
    (
        "libraries",
        "Host council services such as benefits advice and housing drop-ins within library "
        "buildings.",
        "Turn libraries into one-stop shops - have the benefits and housing people do "
        "sessions there.",
    ),
    (
        "libraries",
        "Expand the e-book and audiobook collection to respond to increased digital borrowing.",
        "Everyone wants to borrow e-books now and the waiting lists are months long. Buy "
        "more digital copies.",
    ),
    (
        "libraries",
        "Introduce a library of things allowing residents to borrow tools and household equipment.",
        "Nobody needs to own a drill they use twice. Lend out tools, sewing machines, "
        "carpet cleaners from the library.",
    ),
    (
        "libraries",
        "Run regular rhyme time and storytelling sessions in community languages.",
        "Do the toddler singing sessions in Polish, Urdu and Somali too, not just English.",
    ),
    (
        "libraries",
        "Create a local history digitisation project involving volunteers to scan archive "
        "photographs.",
        "The archive has boxes of old photos of the town nobody can see. Get volunteers to "
        "scan them and put them online.",
    ),
    (
        "libraries",
        "Offer warm spaces in libraries during winter with hot drinks for residents "
        "struggling with heating costs.",
        "People are sitting at home freezing. Open the libraries as warm rooms with a cuppa "
        "in winter.",
    ),
    (
        "libraries",
        "Install self-service kiosks for book returns and renewals so staff can focus on "
        "supporting customers.",
        "Staff spend all day scanning books back in. Get self-service machines so they can "
        "actually help people.",
    ),
    # Parks and green spaces
    (
        "parks",
        "Install accessible play equipment in at least one playground in each ward for "
        "disabled children.",
        "Kids in wheelchairs can't use any of the swings in our parks. Put in some accessible "
        "kit in every area.",
    ),
    (
        "parks",
        "Reduce grass mowing frequency in selected areas to create wildflower meadows and "
        "support biodiversity.",
        "We cut the grass every fortnight for no reason. Leave some patches to grow wild "
        "for the bees.",
    ),
    (
        "parks",
        "Provide public toilets in major parks, managed through concessions with café operators.",
        "No loos in the park means families go home after an hour. Get the cafe to run some "
        "toilets.",
    ),
    (
        "parks",
        "Support friends of parks groups with small grants and volunteer management training.",
        "The volunteer park groups do brilliant work on a shoestring. Give them a bit of "
        "money and help organising volunteers.",
    ),
    (
        "parks",
        "Plant additional street trees in neighbourhoods with low canopy cover to reduce "
        "urban heat.",
        "Some estates have hardly any trees and they bake in summer. Plant loads more there.",
    ),
    (
        "parks",
        "Install outdoor gym equipment in parks to encourage free physical activity.",
        "Gym memberships are too dear. Stick some outdoor exercise machines in the park.",
    ),
    (
        "parks",
        "Use QR codes on park signage so visitors can report problems such as broken benches "
        "or litter.",
        "Put a code on the park signs so people can scan it with their phone and tell us "
        "the bench is smashed.",
    ),
    (
        "parks",
        "Create community growing spaces on unused council land for residents to cultivate food.",
        "There's bits of council land doing nothing. Let people grow veg on it.",
    ),
    (
        "parks",
        "Extend allotment provision and reduce waiting lists by subdividing large plots.",
        "The allotment waiting list is ten years. Split the big plots in half so more people "
        "get one.",
    ),
    (
        "parks",
        "Improve lighting on key park pathways to increase safety for women walking after dark.",
        "Women won't walk through the park in winter because it's pitch black. Light the "
        "main paths.",
    ),
    (
        "parks",
        "Replace petrol-powered grounds maintenance equipment with battery-powered alternatives.",
        "Our strimmers and leaf blowers are noisy petrol things. Switch to electric ones.",
    ),
    (
        "parks",
        "Introduce a dog fouling enforcement campaign with additional dog waste bins at park "
        "entrances.",
        "The park is covered in dog mess. More poo bins at the gates and fine people who "
        "don't pick up.",
    ),
    # Transport and highways
    (
        "transport",
        "Repair potholes using a first-time permanent fix approach rather than temporary patching.",
        "We fill the same potholes three times a year with tarmac that washes out. Do it "
        "properly once.",
    ),
    (
        "transport",
        "Introduce school streets with timed closures to motor traffic at drop-off and "
        "pick-up times.",
        "Outside the school gates is chaos with cars every morning. Close the road to "
        "traffic at the start and end of the day.",
    ),
    (
        "transport",
        "Install secure cycle parking at council offices to encourage staff to cycle to work.",
        "I'd bike to work but there's nowhere safe to lock it up at the civic centre. Give us "
        "a proper bike shed.",
    ),
    (
        "transport",
        "Convert the council's pool car fleet to electric vehicles with charging points at depots.",
        "Our pool cars are old diesels. Swap them for electric ones and stick chargers in "
        "at the depot.",
    ),
    (
        "transport",
        "Allow residents to report highway defects with a photograph and location through "
        "the website.",
        "Let people send a pic of the broken pavement with a pin on the map, rather than "
        "ringing up and trying to describe where it is.",
    ),
    (
        "transport",
        "Install dropped kerbs near bus stops and shops to improve access for wheelchair users "
        "and parents with pushchairs.",
        "Getting a buggy or wheelchair up the kerb round here is impossible. Put in more "
        "dropped kerbs near shops and bus stops.",
    ),
    (
        "transport",
        "Introduce a digital parking permit system to replace paper permits.",
        "Paper parking permits get lost, faded and forged. Make them virtual, linked to the "
        "number plate.",
    ),
    (
        "transport",
        "Review the timing of gritting routes to ensure footpaths near schools and hospitals "
        "are treated.",
        "We grit the main roads but the pavements outside schools and the hospital are "
        "sheet ice. Add them to the gritting routes.",
    ),
    (
        "transport",
        "Coordinate roadworks between utility companies to avoid the same road being dug up "
        "repeatedly.",
        "Gas dig the road up, then water, then the cable lot, same street three months in a "
        "row. Make them do it together.",
    ),
    (
        "transport",
        "Provide real-time bus information displays at the busiest bus stops.",
        "You stand at the stop with no idea if the bus is coming. Put the live countdown "
        "screens in.",
    ),
    (
        "transport",
        "Introduce 20 mph speed limits on residential streets with high pedestrian activity.",
        "Cars fly down our road where kids play. Make it twenty miles an hour.",
    ),
    (
        "transport",
        "Improve the community transport service for older residents who cannot use public buses.",
        "Pensioners who can't manage the bus are stuck indoors. Bring back the dial-a-ride "
        "minibus properly.",
    ),
    (
        "transport",
        "Replace street lighting with LED lanterns to reduce energy consumption and "
        "maintenance costs.",
        "The old orange street lamps cost a fortune to run. Swap them to LEDs.",
    ),
    (
        "transport",
        "Enforce against pavement parking outside schools using mobile camera vehicles.",
        "People park on the pavement by the school and kids have to walk in the road. Send "
        "the camera car round.",
    ),
    (
        "transport",
        "Introduce a staff travel plan offering discounted public transport season tickets "
        "through salary sacrifice.",
        "Bus passes are expensive. Let staff buy annual tickets through payroll at a discount.",
    ),
    # Customer services
    (
        "customer services",
        "Introduce a callback option on the contact centre telephone line when waiting times "
        "exceed ten minutes.",
        "People sit on hold for 40 minutes. Give them the option to press 1 and we ring them back.",
    ),
    (
        "customer services",
        "Create a single customer account so residents can track all their requests in one place.",
        "Residents have to phone up to find out what's happening with anything they've "
        "reported. Give them one log-in where they can see it all.",
    ),
    (
        "customer services",
        "Rewrite standard letters in plain English and test them with residents.",
        "Our letters are full of jargon and legal waffle and people ring up to ask what they "
        "mean. Write them like a human.",
    ),
    (
        "customer services",
        "Offer appointments at the customer service centre rather than relying solely on "
        "walk-in queues.",
        "People queue for hours at the one stop shop. Let them book a time slot.",
    ),
    (
        "customer services",
        "Provide interpreting by video link at reception points to support residents who do "
        "not speak English.",
        "When someone comes to the front desk who doesn't speak English we're stuck. Get a "
        "video interpreter on a tablet.",
    ),
    (
        "customer services",
        "Send automatic acknowledgements with a reference number and expected response time "
        "for all online enquiries.",
        "People fill in our web forms and hear nothing back, so they ring. Send an instant "
        "reply with a ref number and when they'll hear.",
    ),
    (
        "customer services",
        "Analyse complaint data to identify the root causes of repeat complaints and share "
        "findings with services.",
        "We deal with the same complaints over and over and nobody fixes the cause. Look at "
        "the patterns and tell the teams.",
    ),
    (
        "customer services",
        "Introduce a webchat service staffed by contact centre advisers during peak hours.",
        "Loads of people would rather type than ring. Get the call centre lot doing live "
        "chat at busy times.",
    ),
    (
        "customer services",
        "Create a knowledge base for contact centre staff with up-to-date service information.",
        "Call handlers give wrong answers because nobody tells us when things change. One "
        "place with current info please.",
    ),
    (
        "customer services",
        "Provide a quiet room at the council's main reception for residents who are "
        "distressed or need privacy.",
        "People in tears tell us about domestic abuse in front of a queue. We need a private "
        "room off reception.",
    ),
    (
        "customer services",
        "Measure customer satisfaction through a short survey after each contact and publish "
        "the results.",
        "We never ask people how we did. Send a two-question survey after every call and "
        "put the scores up.",
    ),
    (
        "customer services",
        "Reduce the number of telephone numbers published by the council by consolidating "
        "service lines.",
        "We've got about 200 different phone numbers. Nobody knows which to ring. Cut it down "
        "to a handful.",
    ),
    # Finance and procurement
    (
        "finance",
        "Pay small local suppliers within ten days to support cash flow in the local economy.",
        "Little local firms wait sixty days for us to pay invoices and some go bust. Pay "
        "them in ten.",
    ),
    (
        "finance",
        "Introduce purchasing cards for low-value transactions to reduce invoice processing costs.",
        "Raising a purchase order for a twenty quid item costs more than the item. Give "
        "teams a council credit card for small stuff.",
    ),
    (
        "finance",
        "Apply social value weighting in procurement evaluations to favour suppliers that "
        "employ local people.",
        "When we buy stuff, give extra marks to companies that hire locally. Price isn't "
        "everything.",
    ),
    (
        "finance",
        "Consolidate contracts for office supplies across departments to achieve volume discounts.",
        "Every department buys its own paper and pens from different places. Buy together "
        "and get a better price.",
    ),
    (
        "finance",
        "Provide budget holders with a monthly dashboard showing spending against budget.",
        "Managers find out they've overspent at year end. Give us a simple monthly picture "
        "of what's been spent.",
    ),
    (
        "finance",
        "Review all recurring subscriptions and software licences to cancel unused services.",
        "We're paying for magazine subscriptions and software nobody has opened in years. "
        "Go through and cancel them.",
    ),
    (
        "finance",
        "Simplify the procurement process for contracts below the tender threshold by using "
        "standard quotation templates.",
        "Getting three quotes for a small job is a nightmare of forms. Make one simple "
        "template everyone uses.",
    ),
    (
        "finance",
        "Generate income by renting out council meeting rooms and event spaces to external "
        "organisations.",
        "The council chamber and meeting rooms sit empty at weekends. Hire them out for "
        "weddings and events.",
    ),
    (
        "finance",
        "Recover unclaimed VAT by reviewing historical supplier invoices with a specialist "
        "partner.",
        "I bet we've missed loads of VAT we could claim back on old invoices. Get someone "
        "to go through them on a no-win no-fee basis.",
    ),
    (
        "finance",
        "Publish a plain-English summary of the council budget for residents.",
        "Nobody understands where their money goes. Do a one-page simple version of the "
        "budget for the public.",
    ),
    # Environment and energy
    (
        "environment",
        "Install solar panels on the roofs of council buildings and depots to generate "
        "renewable electricity.",
        "We've got acres of flat roof on our depots doing nothing. Cover them in solar.",
    ),
    (
        "environment",
        "Retrofit council homes with insulation and heat pumps to reduce tenants' energy "
        "bills and carbon emissions.",
        "Our tenants are freezing and paying through the nose for gas. Insulate the houses "
        "and put in heat pumps.",
    ),
    (
        "environment",
        "Switch off lighting and heating in council buildings outside occupied hours using "
        "automated controls.",
        "The civic centre is lit up like Christmas all night with the heating on. Put the "
        "lights and radiators on timers.",
    ),
    (
        "environment",
        "Provide water refill stations in town centres to reduce single-use plastic bottles.",
        "Put free water fountains in the high street so people stop buying plastic bottles.",
    ),
    (
        "environment",
        "Monitor air quality outside schools and share the data with parents.",
        "Nobody knows how dirty the air is at the school gates. Put sensors up and tell "
        "parents the readings.",
    ),
    (
        "environment",
        "Introduce a climate impact assessment for all council decisions above a set value.",
        "Big decisions get made with no thought about the carbon. Make every report say "
        "what it does to the climate.",
    ),
    (
        "environment",
        "Reduce business mileage by promoting video meetings for routine partnership meetings.",
        "I drive an hour each way for a one-hour meeting that could have been a Teams call. "
        "Do the routine ones online.",
    ),
    (
        "environment",
        "Remove single-use plastics from council canteens and events.",
        "Our canteen still gives out plastic forks and cups. Get rid of them.",
    ),
    (
        "environment",
        "Offer residents grants for installing water butts and rain gardens to reduce flooding.",
        "Streets flood every time it rains hard. Help people put in water butts and "
        "planting to soak it up.",
    ),
    (
        "environment",
        "Set up a community energy cooperative to install solar panels on schools and "
        "community buildings.",
        "Let residents club together to buy solar panels for schools and halls and share "
        "the profit.",
    ),
    # Planning and building control
    (
        "planning",
        "Offer pre-application advice meetings for householders at a reduced fee.",
        "People doing a small extension can't afford our pre-app fees so they just submit "
        "and get refused. Do a cheap version for homeowners.",
    ),
    (
        "planning",
        "Validate planning applications within three working days by using an online checklist "
        "for applicants.",
        "Planning apps sit for weeks because something's missing. Give applicants a checklist "
        "online so they send everything first time.",
    ),
    (
        "planning",
        "Publish planning enforcement case updates online so complainants can track progress.",
        "Neighbours report illegal extensions and hear nothing for months. Let them see the "
        "enforcement case status on the web.",
    ),
    (
        "planning",
        "Introduce digital submission of building control plans to replace paper drawings.",
        "Architects still post us rolls of paper drawings for building regs. Let them upload PDFs.",
    ),
    (
        "planning",
        "Use interactive maps to show residents proposed developments in their neighbourhood.",
        "Nobody reads the planning notices on lamp posts. Show what's planned near you on an "
        "online map.",
    ),
    (
        "planning",
        "Provide planning committee members with training on viability assessments.",
        "Councillors on the planning committee don't understand viability reports and just "
        "nod them through. Give them training.",
    ),
    (
        "planning",
        "Charge for fast-track planning decisions for commercial applicants.",
        "Developers would pay extra to get a quicker decision. Offer a premium fast lane.",
    ),
    (
        "planning",
        "Create design codes for each neighbourhood to give clearer guidance on acceptable "
        "development.",
        "Applicants have to guess what we'll accept. Write down what good looks like for each "
        "area.",
    ),
    # Community safety
    (
        "community safety",
        "Establish a multi-agency anti-social behaviour panel meeting fortnightly to resolve "
        "persistent cases.",
        "Police, housing and youth workers all deal with the same troublemakers separately. "
        "Get round a table every two weeks.",
    ),
    (
        "community safety",
        "Train taxi drivers and takeaway staff to recognise signs of child sexual exploitation.",
        "Cabbies and chippy staff see kids being groomed late at night. Teach them what to "
        "look for and who to tell.",
    ),
    (
        "community safety",
        "Provide youth diversion activities in the evenings in areas with high levels of "
        "anti-social behaviour.",
        "Teenagers hang round the shops causing bother because there's nothing to do. Open "
        "a youth club in the evenings.",
    ),
    (
        "community safety",
        "Offer free home security assessments and door locks for victims of domestic abuse.",
        "Women fleeing abuse who stay put need their locks changed and a door chain. Do it "
        "for free, quickly.",
    ),
    (
        "community safety",
        "Improve the reporting of hate crime through third-party reporting centres in "
        "community venues.",
        "People don't go to the police about racist abuse. Let them report it at the mosque, "
        "community centre or library.",
    ),
    (
        "community safety",
        "Deploy mobile CCTV cameras flexibly in response to emerging crime hotspots.",
        "Cameras are bolted in places where nothing happens anymore. Get some we can move "
        "to wherever trouble is.",
    ),
    (
        "community safety",
        "Work with licensed premises to introduce a safe space scheme for vulnerable people "
        "at night.",
        "Girls who feel unsafe on a night out should be able to go into any pub and ask for "
        "help. Set up a scheme with the bars.",
    ),
    (
        "community safety",
        "Carry out joint inspections of houses in multiple occupation with fire and police "
        "services.",
        "Dodgy HMOs get visited by us, then the fire brigade, then the police. Go in together "
        "once.",
    ),
    # Facilities and buildings
    (
        "facilities",
        "Introduce a desk booking system to make better use of office space under hybrid working.",
        "Half the desks are empty and the other half are fought over on Tuesdays. Let us "
        "book desks.",
    ),
    (
        "facilities",
        "Rationalise the council's office estate by consolidating teams into fewer buildings.",
        "We heat and light five half-empty office blocks. Move everyone into two and sell "
        "the rest.",
    ),
    (
        "facilities",
        "Provide changing facilities and showers for staff who walk, run or cycle to work.",
        "Nowhere to shower if you cycle in. Put in a changing room.",
    ),
    (
        "facilities",
        "Improve building accessibility by installing automatic doors at main entrances.",
        "Wheelchair users can't open the heavy front doors at the town hall. Fit automatic ones.",
    ),
    (
        "facilities",
        "Set up a shared pool of meeting room equipment such as screens and cameras for "
        "hybrid meetings.",
        "Every meeting room has a different setup and half the webcams don't work. Kit them "
        "all out the same.",
    ),
    (
        "facilities",
        "Report building maintenance faults through an online helpdesk with progress tracking.",
        "I reported the broken toilet in our office three times by email and heard nothing. "
        "Give us a proper fault logging system.",
    ),
    (
        "facilities",
        "Provide a quiet room in each office for prayer, breastfeeding or rest.",
        "There's nowhere to pray, express milk or just have five minutes. Every building "
        "needs a quiet room.",
    ),
    (
        "facilities",
        "Share council buildings with health and voluntary sector partners to reduce costs "
        "and improve joined-up working.",
        "The NHS and charities rent offices down the road while ours are half empty. Move "
        "them in with us.",
    ),
    # Communications and democracy
    (
        "communications",
        "Send a monthly email newsletter to residents summarising council news and decisions.",
        "Nobody knows what the council does. Send people a monthly email with the news.",
    ),
    (
        "communications",
        "Livestream council meetings online and publish recordings with subtitles.",
        "Put full council meetings on YouTube with captions so people can actually watch.",
    ),
    (
        "communications",
        "Give frontline staff a simple internal channel to raise ideas and receive responses "
        "from senior managers.",
        "Ideas from the ground never reach the top. Give us a way to send suggestions to the "
        "directors and actually get an answer.",
    ),
    (
        "communications",
        "Translate key public information into the most commonly spoken community languages.",
        "Loads of residents can't read our leaflets in English. Do the important ones in "
        "the main languages people speak here.",
    ),
    (
        "communications",
        "Hold ward-level public meetings where residents can question councillors and officers "
        "directly.",
        "Residents never get to ask councillors anything face to face. Do local question "
        "time meetings in each ward.",
    ),
    (
        "communications",
        "Create an internal staff directory with roles and responsibilities to reduce time "
        "spent finding the right contact.",
        "I waste hours trying to find out who deals with what. Make a staff phone book that "
        "says what people do.",
    ),
]
