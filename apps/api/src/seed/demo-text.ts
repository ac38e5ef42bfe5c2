/** The base text of the demo instrument, in its original language (English), as the secretariat would import it. */
export const DEMO_CONVENTION = `Draft United Nations convention on countering the use of information and communications technologies for criminal purposes

The States Parties to this Convention,
Noting that information and communications technologies, while having enormous potential for the development of States, create new opportunities for perpetrators and may contribute to a rise in crime,
Convinced of the need to pursue, as a matter of priority, a common criminal policy aimed at the protection of society against the criminal use of such technologies,
Have agreed as follows:

Chapter I General provisions

Article 1 Statement of purpose
The purposes of this Convention are:
(a) To promote and strengthen measures to prevent and combat the criminal use of information and communications technologies more efficiently and effectively;
(b) To promote, facilitate and strengthen international cooperation in preventing and combating such crimes;
(c) To promote, facilitate and support technical assistance and capacity-building.

Article 2 Use of terms
For the purposes of this Convention:
(a) "Information and communications technology system" shall mean any device or group of interconnected devices that processes electronic data;
(b) "Electronic data" shall mean any representation of facts, information or concepts in a form suitable for processing in an information and communications technology system;
(c) "Service provider" shall mean any public or private entity that provides to users of its service the ability to communicate by means of an information and communications technology system.

Article 3 Scope of application
1. This Convention shall apply, except as otherwise stated herein, to the prevention, investigation and prosecution of the offences established in accordance with this Convention.
2. For the purposes of implementing this Convention, it shall not be necessary, except as otherwise stated herein, for the offences set forth in it to result in damage or harm to property.

Article 4 Protection of sovereignty
1. States Parties shall carry out their obligations under this Convention in a manner consistent with the principles of sovereign equality and territorial integrity of States and that of non-intervention in the domestic affairs of other States.
2. Nothing in this Convention shall entitle a State Party to undertake in the territory of another State the exercise of jurisdiction and performance of functions that are reserved exclusively for the authorities of that other State by its domestic law.

Chapter II Criminalization

Article 5 Illegal access
Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the access to the whole or any part of an information and communications technology system without right.

Article 6 Illegal interception
Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the interception without right, made by technical means, of non-public transmissions of electronic data.
`;
